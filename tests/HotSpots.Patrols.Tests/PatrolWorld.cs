using HotSpots.Modules.Hotspots;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Patrols;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Tracks;
using HotSpots.Modules.Tasking;
using HotSpots.Modules.Workforce;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform.Geography;
using HotSpots.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HotSpots.Patrols.Tests;

/// <summary>
/// The Patrols module with the real Ingestion, Hotspots and Tasking modules on a real database: crimes imported so
/// that the published set has a 300 m × 150 m spot (two 150 m cells) and a second spot 2 km east, two teams with an
/// officer and a sergeant each, and a clock the test moves. Positions are given in metres from the spot's south-west
/// corner.
/// </summary>
internal sealed class PatrolWorld : IAsyncDisposable
{
    public const string OfficerA = "officer-a", OfficerB = "officer-b", SergeantA = "sergeant-a", SergeantB = "sergeant-b";

    private PatrolWorld(TestDatabase database, ServiceProvider services, FakeTimeProvider clock)
    {
        Database = database;
        Services = services;
        Clock = clock;
        Projection = services.GetRequiredService<IMetricProjection>();
    }

    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    public IMetricProjection Projection { get; }
    public long SpotId { get; private set; }
    public long OtherSpotId { get; private set; }
    public double West { get; private set; }
    public double South { get; private set; }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static async Task<PatrolWorld> CreateAsync(string provider, IDictionary<string, string?>? settings = null)
    {
        var database = TestDatabase.Create(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 20, 0, 0, TimeSpan.Zero));
        var values = new Dictionary<string, string?> { ["Hotspots:Count"] = "2", ["Hotspots:MaxCellsPerSpot"] = "2" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var services = await ModuleHost.StartAsync(database, (s, c) =>
        {
            s.AddIngestionModule(c);
            s.AddHotspotsModule(c);
            s.AddWorkforceModule(c);
            s.AddTaskingModule(c);
            s.AddPatrolsModule(c);
        }, values, clock);
        var world = new PatrolWorld(database, services, clock);
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        var origin = Projection.Project(51.4545, -0.9730);
        double x = Math.Floor(origin.X / 150) * 150 + 75, y = Math.Floor(origin.Y / 150) * 150 + 75;
        var rows = new List<string> { "reference,category,occurred_from,easting,northing,location" };
        void Add(int n, double cx, double cy, string category, string place)
        {
            for (var i = 0; i < n; i++) rows.Add($"R{rows.Count},{category},2026-10-{1 + i % 28:00} 22:{i % 60:00},{cx:0.0},{cy:0.0},On or near {place}");
        }
        Add(30, x, y, "Violence and sexual offences", "Friar Street");
        Add(12, x + 150, y, "Violence and sexual offences", "Friar Street");
        Add(10, x + 2000, y, "Robbery", "Oxford Road");
        var file = Database.Folder.File("crimes.csv");
        await File.WriteAllLinesAsync(file, rows);
        await Services.InScopeAsync<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(file), null, CancellationToken.None));
        await Services.InScopeAsync<IHotspotModule, HotspotSetSummary>(m => m.RefreshAsync(publish: true, "test", CancellationToken.None));
        var spots = Services.GetRequiredService<IHotspotSnapshot>().Current.Spots;
        SpotId = spots[0].Id;
        OtherSpotId = spots[1].Id;
        West = x - 75;
        South = y - 75;

        await using var scope = Services.CreateAsyncScope();
        var workforce = scope.ServiceProvider.GetRequiredService<IWorkforceAdministration>();
        var a = await workforce.CreateTeamAsync("Team A", "test", CancellationToken.None);
        var b = await workforce.CreateTeamAsync("Team B", "test", CancellationToken.None);
        await workforce.SaveOfficerAsync(new OfficerRecord(OfficerA, "PC Able", "1001", a.Id), "test", CancellationToken.None);
        await workforce.SaveOfficerAsync(new OfficerRecord(SergeantA, "Sgt Archer", "2001", a.Id, Supervisor: true), "test", CancellationToken.None);
        await workforce.SaveOfficerAsync(new OfficerRecord(OfficerB, "PC Baker", "1002", b.Id), "test", CancellationToken.None);
        await workforce.SaveOfficerAsync(new OfficerRecord(SergeantB, "Sgt Brown", "2002", b.Id, Supervisor: true), "test", CancellationToken.None);
    }

    public GeoPoint At(double x, double y) => Projection.Unproject(West + x, South + y);

    /// <summary>Pings for a synthetic track drawn in metres from the spot's corner, numbered from <paramref name="firstSequence"/>.</summary>
    public List<PingInput> Pings(IEnumerable<TrackPoint> points, long firstSequence = 1)
    {
        var sequence = firstSequence;
        return points.Select(p =>
        {
            var at = At(p.X, p.Y);
            return new PingInput(sequence++, p.TimeUtc, at.Latitude, at.Longitude, p.AccuracyMetres, null);
        }).ToList();
    }

    /// <summary>The same track in projected metres, as the server sees it.</summary>
    public List<TrackPoint> Projected(IEnumerable<TrackPoint> points) =>
        points.Select(p => p with { X = West + p.X, Y = South + p.Y }).ToList();

    /// <summary>Calls the officer's own patrol commands.</summary>
    public Task<T> Officer<T>(Func<IOfficerPatrols, Task<T>> action) => Services.InScopeAsync(action);

    /// <summary>Calls what patrols add up to (dosage, visits, activities, minutes).</summary>
    public Task<T> Presence<T>(Func<IPatrolPresence, Task<T>> action) => Services.InScopeAsync(action);

    /// <summary>Calls the supervisors' views (running, team patrols, tracks).</summary>
    public Task<T> Supervision<T>(Func<IPatrolSupervision, Task<T>> action) => Services.InScopeAsync(action);

    /// <summary>Calls the privacy policy settings.</summary>
    public Task<T> Policy<T>(Func<IPatrolPolicySettings, Task<T>> action) => Services.InScopeAsync(action);

    public async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Database.Dispose();
    }
}

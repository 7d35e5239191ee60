using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Ingestion.Tests;

/// <summary>The ingestion module on a fresh database (SQLite file or PostgreSQL), with the calls the tests make.</summary>
internal sealed class IngestionHost : IAsyncDisposable
{
    private IngestionHost(TestDatabase database, ServiceProvider services) => (Database, Services) = (database, services);

    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public string Folder => Database.Folder.Path;

    public static async Task<IngestionHost> StartAsync(string provider = "Sqlite", IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var database = TestDatabase.Create(provider);
        return new IngestionHost(database, await ModuleHost.StartAsync(database, (s, c) => s.AddIngestionModule(c), settings, clock));
    }

    public string File(string name) => Database.Folder.File(name);

    public Task<ImportReport> ImportAsync(string path, CrimeFileFormat format = CrimeFileFormat.Auto, string? profile = null, CancellationToken cancellationToken = default) =>
        Imports(m => m.ImportAsync(new ImportRequest(path, format, "test", profile), null, cancellationToken));

    /// <summary>Calls what other modules read.</summary>
    public Task<T> Data<T>(Func<IIngestedData, Task<T>> action) => Services.InScopeAsync(action);

    /// <summary>Calls the imports and their quarantine.</summary>
    public Task<T> Imports<T>(Func<IImports, Task<T>> action) => Services.InScopeAsync(action);

    /// <summary>Calls the administration: profiles, harm, settings, retention.</summary>
    public Task<T> Admin<T>(Func<IIngestionAdministration, Task<T>> action) => Services.InScopeAsync(action);

    public Task<long> CountAsync() => Data(m => m.CountCrimesAsync(CancellationToken.None));

    public async Task<IReadOnlyList<CrimePoint>> PointsAsync() =>
        await Data(m => m.GetCrimePointsAsync(new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Database.Dispose();
    }
}

/// <summary>Lines of data.police.uk street-level CSV, as the publisher writes them.</summary>
internal static class PoliceUk
{
    public const string Header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    public static string Row(string? id, string month, double? lon, double? lat, string place, string type, string outcome = "Under investigation") =>
        $"{id},{month},Thames Valley Police,Thames Valley Police,{lon?.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture)}," +
        $"{lat?.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture)},{(lat is null ? "No Location" : $"On or near {place}")}," +
        $"{(lat is null ? "" : "E01016372")},{(lat is null ? "" : "Reading 011A")},{type},{(type == "Anti-social behaviour" ? "" : outcome)},";

    /// <summary>A month of <paramref name="count"/> distinct rows around Reading, deterministic for the seed.</summary>
    public static List<string> Month(string month, int count, int seed)
    {
        var random = new Random(seed);
        string[] types = ["Violence and sexual offences", "Burglary", "Robbery", "Anti-social behaviour", "Shoplifting", "Drugs"];
        var rows = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var type = types[random.Next(types.Length)];
            var id = type == "Anti-social behaviour" ? null : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(seed * 1_000_003L + i))).ToLowerInvariant();
            var noLocation = random.NextDouble() < 0.08;
            rows.Add(Row(id, month, noLocation ? null : -0.98 + random.Next(200) * 0.0005, noLocation ? null : 51.44 + random.Next(200) * 0.0003,
                $"Street {random.Next(300)}", type));
        }
        return rows;
    }
}

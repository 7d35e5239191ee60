using System.Text;
using HotSpots.Modules.Hotspots;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Geography;
using HotSpots.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Hotspots.Tests;

/// <summary>
/// Spots at places no patrol can treat, on both databases: flagged at refresh with the reason, held from publication
/// until the analyst excludes (one call) or keeps each; the force's list of places flags what the names do not.
/// </summary>
public sealed class PlaceDecisionTests
{
    private sealed class Fixture : IAsyncDisposable
    {
        public required TestDatabase Database { get; init; }
        public required ServiceProvider Services { get; init; }
        public required Func<double, double, GeoPoint> At { get; init; }

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            Database.Dispose();
        }

        public Task<HotspotSetSummary> RefreshAsync(bool publish) =>
            Services.InScopeAsync<IHotspotModule, HotspotSetSummary>(m => m.RefreshAsync(publish, "scheduled", CancellationToken.None));

        public Task<HotspotSetReview> ReviewAsync(long setId) =>
            Services.InScopeAsync<IHotspotReview, HotspotSetReview>(async r => (await r.ReviewAsync(setId, CancellationToken.None))!);

        public Task DecideAsync(long hotspotId, PlaceDecision decision, string? note = null) =>
            Services.InScopeAsync<IHotspotReview, bool>(async r => { await r.DecidePlaceAsync(hotspotId, decision, note, "analyst", CancellationToken.None); return true; });

        public Task PublishAsync(long setId) =>
            Services.InScopeAsync<IHotspotModule, bool>(async m => { await m.PublishAsync(setId, "analyst", CancellationToken.None); return true; });
    }

    /// <summary>
    /// 30 violent crimes at "HMP Testshire" in one cell, 20 in Friar Street 2 km east, 12 at the "Police Station" 4 km
    /// north, 10 in Mill Lane 6 km west (where the force's list will put a custody suite).
    /// </summary>
    private static async Task<Fixture> StartAsync(string provider)
    {
        var database = TestDatabase.Create(provider);
        var services = await ModuleHost.StartAsync(database, (s, c) => { s.AddIngestionModule(c); s.AddHotspotsModule(c); },
            new Dictionary<string, string?> { ["Hotspots:Count"] = "4", ["Hotspots:MaxCellsPerSpot"] = "1" });
        var projection = services.GetRequiredService<IMetricProjection>();
        var origin = projection.Project(51.4545, -0.9730);
        var (x0, y0) = (Math.Floor(origin.X / 150) * 150 + 75, Math.Floor(origin.Y / 150) * 150 + 75);
        var rows = new List<string> { "reference,category,occurred_from,easting,northing,location" };
        void Add(int n, double dx, double dy, string place)
        {
            for (var i = 0; i < n; i++) rows.Add($"R{rows.Count},Violence and sexual offences,2026-05-{1 + i % 28:00} 22:00,{x0 + dx:0.0},{y0 + dy:0.0},On or near {place}");
        }
        Add(30, 0, 0, "HMP Testshire");
        Add(20, 2000, 0, "Friar Street");
        Add(12, 0, 4000, "Police Station");
        Add(10, -6000, 0, "Mill Lane");
        var file = database.Folder.File("force.csv");
        await File.WriteAllLinesAsync(file, rows);
        await services.InScopeAsync<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(file), null, CancellationToken.None));
        return new Fixture { Database = database, Services = services, At = (dx, dy) => projection.Unproject(x0 + dx, y0 + dy) };
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Flagged_spots_hold_the_set_until_each_is_excluded_or_kept_and_an_exclusion_keeps_the_place_out_later(string provider)
    {
        await using var f = await StartAsync(provider);
        var set = await f.RefreshAsync(publish: true);
        set.Status.ShouldBe(HotspotSetStatus.Draft); // auto-publish waits for the analyst
        var review = await f.ReviewAsync(set.Id);
        review.Spots.Select(s => s.Spot.Name).ShouldBe(["HMP Testshire", "Friar Street", "Police Station", "Mill Lane"]);
        review.Flags.Select(x => (x.Rank, x.Kind, x.Place, x.Match, x.Decision)).ShouldBe([
            (1, PlaceKind.Prison, "HMP Testshire", PlaceMatch.RecordLocation, PlaceDecision.Undecided),
            (3, PlaceKind.PoliceStation, "Police Station", PlaceMatch.RecordLocation, PlaceDecision.Undecided),
        ]);
        review.Flags[0].Reason.ShouldBe("30 of the 30 target crimes here (100 %) are recorded \"On or near HMP Testshire\": a prison by its name.");

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => f.PublishAsync(set.Id));
        refused.Message.ShouldBe("Set 1 has 2 spots at places no patrol can treat: #1 HMP Testshire (prison); #3 Police Station (police station). Exclude or keep each before publishing.");

        var prison = review.Flags[0].HotspotId;
        var station = review.Flags[1].HotspotId;
        await f.DecideAsync(prison, PlaceDecision.Excluded);
        await f.DecideAsync(station, PlaceDecision.Excluded);
        // Changing one's mind before publishing: the station is kept after all, and its exclusion removed.
        await f.DecideAsync(station, PlaceDecision.Kept, "Assaults in the front office queue: the town-centre team passes it.");
        review = await f.ReviewAsync(set.Id);
        review.Spots.Select(s => s.Spot.Name).ShouldBe(["Friar Street", "Police Station", "Mill Lane"]);
        review.Excluded.Select(s => s.Name).ShouldBe(["HMP Testshire"]);
        review.Set.SpotCount.ShouldBe(3);
        review.Flags.Select(x => (x.Decision, x.DecidedBy)).ShouldBe([(PlaceDecision.Excluded, "analyst"), (PlaceDecision.Kept, "analyst")]);
        review.Flags[1].Note.ShouldBe("Assaults in the front office queue: the town-centre team passes it.");
        var exclusions = await f.Services.InScopeAsync<IHotspotReview, IReadOnlyList<ExclusionView>>(r => r.ListExclusionsAsync(CancellationToken.None));
        exclusions.ShouldHaveSingleItem().Name.ShouldBe("HMP Testshire (prison), from set 1");
        exclusions[0].Id.ShouldBe(review.Flags[0].ExclusionId!.Value);

        await f.PublishAsync(set.Id);
        var published = f.Services.GetRequiredService<IHotspotSnapshot>().Current;
        published.Spots.Select(s => s.Name).ShouldBe(["Friar Street", "Police Station", "Mill Lane"]);
        published.Spots.ShouldNotContain(s => s.Id == prison);
        (await f.Services.InScopeAsync<IHotspotModule, HotspotDetail?>(m => m.GetHotspotAsync(prison, CancellationToken.None))).ShouldBeNull();
        // A published set's decisions stay as they were.
        (await Should.ThrowAsync<InvalidOperationException>(() => f.DecideAsync(station, PlaceDecision.Excluded))).Message.ShouldContain("is published");

        // The next refresh makes no spot at the prison, and carries the keep of the police station over: it publishes itself.
        var next = await f.RefreshAsync(publish: true);
        next.Status.ShouldBe(HotspotSetStatus.Published);
        var nextReview = await f.ReviewAsync(next.Id);
        nextReview.Spots.Select(s => s.Spot.Name).ShouldBe(["Friar Street", "Police Station", "Mill Lane"]);
        var carried = nextReview.Flags.ShouldHaveSingleItem();
        (carried.Place, carried.Decision, carried.DecidedBy).ShouldBe(("Police Station", PlaceDecision.Kept, "analyst"));
        carried.Note.ShouldBe("Kept in set 1: Assaults in the front office queue: the town-centre team passes it.");

        var audit = await f.Services.InScopeAsync<IAuditLog, IReadOnlyList<AuditRecordView>>(a => a.SearchAsync(new AuditQuery(Actor: "analyst"), CancellationToken.None));
        audit.Select(a => a.Action).ShouldBe(["hotspot.set.publish", "hotspot.place.keep", "hotspot.place.exclude", "hotspot.place.exclude"]);
        audit[1].Why.ShouldBe("Assaults in the front office queue: the town-centre team passes it.");
        audit[2].Details.ShouldBe($"#3 Police Station at Police Station (police station); exclusion {exclusions[0].Id + 1}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_force_list_of_places_flags_a_spot_the_names_do_not_and_a_bad_file_changes_nothing(string provider)
    {
        await using var f = await StartAsync(provider);
        var mill = f.At(-6000, 0);
        var csv = $"name,kind,latitude,longitude,radius_m\nLoddon Valley custody suite,custody-suite,{mill.Latitude:0.000000},{mill.Longitude:0.000000},40\n";
        Task<PlacesUpload> Upload(string text, string name) => f.Services.InScopeAsync<IHotspotReview, PlacesUpload>(r =>
            r.ReplacePlacesAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, "analyst", CancellationToken.None));

        (await Upload(csv, "places.csv")).ShouldBe(new PlacesUpload(1, 0, []), new PlacesUploadComparer());
        var bad = await Upload("name,kind,latitude,longitude\nX,jail,51,-1\n", "bad.csv");
        bad.Places.ShouldBe(0);
        bad.Problems.ShouldBe(["bad.csv line 2 (X): kind \"jail\" is not one of prison, secure-hospital, hospital, police-station, custody-suite."]);
        var list = await f.Services.InScopeAsync<IHotspotReview, IReadOnlyList<ForcePlaceView>>(r => r.ListPlacesAsync(CancellationToken.None));
        list.ShouldHaveSingleItem().Name.ShouldBe("Loddon Valley custody suite");
        list[0].RadiusMetres.ShouldBe(40);

        var set = await f.RefreshAsync(publish: false);
        var flags = (await f.ReviewAsync(set.Id)).Flags;
        var listed = flags.Single(x => x.Match == PlaceMatch.ForceList);
        (listed.SpotName, listed.Kind, listed.Place).ShouldBe(("Mill Lane", PlaceKind.CustodySuite, "Loddon Valley custody suite"));
        listed.Reason.ShouldBe("Loddon Valley custody suite (custody suite, on the force's list of places) lies within the spot; 10 of the 10 target crimes here are inside it.");

        // A second upload replaces the list.
        (await Upload("name,kind,latitude,longitude\nA,prison,51.5,-1.0\nB,hospital,51.6,-1.1\n", "new.csv")).ShouldBe(new PlacesUpload(2, 1, []), new PlacesUploadComparer());
        var audit = await f.Services.InScopeAsync<IAuditLog, IReadOnlyList<AuditRecordView>>(a => a.SearchAsync(new AuditQuery(Action: "hotspot.places.upload"), CancellationToken.None));
        audit.Select(a => a.Details).ShouldBe(["2 places from new.csv (1 prison, 1 hospital), replacing 1", "1 place from places.csv (1 custody suite), replacing 0"]);
    }

    private sealed class PlacesUploadComparer : IEqualityComparer<PlacesUpload>
    {
        public bool Equals(PlacesUpload? x, PlacesUpload? y) => x!.Places == y!.Places && x.Replaced == y.Replaced && x.Problems.SequenceEqual(y.Problems);
        public int GetHashCode(PlacesUpload obj) => obj.Places;
    }
}

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

public sealed class RefreshTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private ServiceProvider _services = null!;
    private IMetricProjection _projection = null!;
    private double _baseX, _baseY;

    public async Task InitializeAsync()
    {
        _services = await ModuleHost.StartAsync(_database, (s, c) => { s.AddIngestionModule(c); s.AddHotspotsModule(c); },
            new Dictionary<string, string?> { ["Hotspots:Count"] = "2", ["Hotspots:MaxCellsPerSpot"] = "2" });
        _projection = _services.GetRequiredService<IMetricProjection>();
        var origin = _projection.Project(51.4545, -0.9730);
        (_baseX, _baseY) = (Math.Floor(origin.X / 150) * 150 + 75, Math.Floor(origin.Y / 150) * 150 + 75);

        // 30 violent crimes in one 150 m cell and 12 in its east neighbour, 10 robberies in a cell 2 km away,
        // 6 robberies 4 km away, shoplifting elsewhere.
        var rows = new List<string> { "reference,category,occurred_from,easting,northing,location" };
        void Add(int n, double x, double y, string category, string place)
        {
            for (var i = 0; i < n; i++) rows.Add($"R{rows.Count},{category},2026-05-{1 + i % 28:00} 22:{i % 60:00},{x:0.0},{y:0.0},On or near {place}");
        }
        Add(30, _baseX, _baseY, "Violence and sexual offences", "Friar Street");
        Add(12, _baseX + 150, _baseY, "Violence and sexual offences", "Friar Street");
        Add(10, _baseX + 2000, _baseY, "Robbery", "Oxford Road");
        Add(6, _baseX, _baseY + 4000, "Robbery", "Caversham Road");
        Add(50, _baseX - 3000, _baseY, "Shoplifting", "Broad Street");
        var file = _database.Folder.File("force.csv");
        await File.WriteAllLinesAsync(file, rows);
        await _services.InScopeAsync<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(file), null, CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }

    private Task<HotspotSetSummary> RefreshAsync(bool publish) =>
        _services.InScopeAsync<IHotspotModule, HotspotSetSummary>(m => m.RefreshAsync(publish, "test", CancellationToken.None));

    private GeoPoint At(double dx, double dy) => _projection.Unproject(_baseX + dx, _baseY + dy);

    [Fact]
    public async Task A_refresh_publishes_patrollable_polygons_over_the_densest_violence_and_swaps_the_snapshot()
    {
        var set = await RefreshAsync(publish: true);
        set.Status.ShouldBe(HotspotSetStatus.Published);
        set.SpotCount.ShouldBe(2);
        set.Method.ShouldBe("harm-weighted counts (too little history to fit the blend)");

        var snapshot = _services.GetRequiredService<IHotspotSnapshot>().Current;
        snapshot.Set!.Id.ShouldBe(set.Id);
        var first = snapshot.Spots[0];
        first.Name.ShouldBe("Friar Street");
        first.AreaSquareMetres.ShouldBe(2 * 150 * 150, 0.01);
        first.CrimeCount.ShouldBe(42);
        first.Harm.ShouldBe(42 * 194.21, 0.01);
        first.Why.PeakHours.ShouldBe([22]);
        first.Why.PeakTimes.ShouldNotBeEmpty();
        // Five cells with crime are too few for Gi* to call anything significant; ScoreTests checks the values.
        first.Why.Significance!.GiZ.ShouldBeGreaterThan(0);
        first.Why.Significance.FalseDiscoveryRate.ShouldBe(0.05);
        snapshot.Spots[1].Name.ShouldBe("Oxford Road");
        snapshot.Spots[1].Harm.ShouldBe(10 * 365, 0.01);

        var centre = At(0, 0);
        snapshot.Contains(first.Id, centre).ShouldBeTrue();
        snapshot.Contains(snapshot.Spots[1].Id, centre).ShouldBeFalse();
        var nearest = snapshot.Nearest(centre, 2);
        nearest[0].Spot.Id.ShouldBe(first.Id);
        nearest[0].Metres.ShouldBe(0);
        nearest[1].Metres.ShouldBe(1875, 1); // from the centre of the first cell to the west edge of the cell 2 km east
    }

    [Fact]
    public async Task Exclusions_drawn_or_as_a_point_with_a_radius_keep_spots_off_those_places()
    {
        await using var scope = _services.CreateAsyncScope();
        var review = scope.ServiceProvider.GetRequiredService<IHotspotReview>();
        // A drawn square around the Friar Street cells' centres, and 100 m around the Oxford Road cell's centre.
        var area = await review.AddExclusionAsync(new NewExclusion("Royal Infirmary A&E",
            [At(-100, -100), At(250, -100), At(250, 100), At(-100, 100)]), "analyst", CancellationToken.None);
        var point = await review.AddExclusionAsync(new NewExclusion("Custody suite", Centre: At(2000, 0), RadiusMetres: 100), "analyst", CancellationToken.None);
        area.Outline.Count.ShouldBe(5);
        point.RadiusMetres.ShouldBe(100);
        (await review.ListExclusionsAsync(CancellationToken.None)).Select(e => e.Name).ShouldBe(["Custody suite", "Royal Infirmary A&E"]);

        await RefreshAsync(publish: true);
        var spots = _services.GetRequiredService<IHotspotSnapshot>().Current.Spots;
        spots.Select(s => s.Name).ShouldBe(["Caversham Road"]); // shoplifting never makes a violence hot spot

        await review.RemoveExclusionAsync(point.Id, "analyst", CancellationToken.None);
        await RefreshAsync(publish: true);
        _services.GetRequiredService<IHotspotSnapshot>().Current.Spots.Select(s => s.Name).ShouldBe(["Oxford Road", "Caversham Road"]);
        var audit = await _services.InScopeAsync<IAuditLog, IReadOnlyList<AuditRecordView>>(a => a.SearchAsync(new AuditQuery(Actor: "analyst"), CancellationToken.None));
        audit.Select(a => a.Action).ShouldBe(["hotspot.exclusion.remove", "hotspot.exclusion.add", "hotspot.exclusion.add"]);
    }

    [Fact]
    public async Task Exclusions_that_are_not_a_place_are_refused_with_the_reason()
    {
        await using var scope = _services.CreateAsyncScope();
        var review = scope.ServiceProvider.GetRequiredService<IHotspotReview>();
        async Task<string> Refused(NewExclusion exclusion) =>
            (await Should.ThrowAsync<ValidationException>(() => review.AddExclusionAsync(exclusion, "analyst", CancellationToken.None))).Message;
        (await Refused(new NewExclusion("", Centre: At(0, 0), RadiusMetres: 50))).ShouldContain("name");
        (await Refused(new NewExclusion("Two corners", [At(0, 0), At(10, 10)]))).ShouldContain("at least 3 corners");
        (await Refused(new NewExclusion("Bow tie", [At(0, 0), At(100, 100), At(100, 0), At(0, 100)]))).ShouldContain("cross each other");
        (await Refused(new NewExclusion("Huge", Centre: At(0, 0), RadiusMetres: 50_000))).ShouldContain("between 10 and 5000 metres");
        (await Refused(new NewExclusion("Nowhere", Centre: new GeoPoint(95, 0), RadiusMetres: 50))).ShouldContain("not a valid latitude");
        (await review.ListExclusionsAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_draft_shows_new_persisting_and_dropped_spots_and_keeps_briefings_per_version()
    {
        var first = await RefreshAsync(publish: true);
        await using var scope = _services.CreateAsyncScope();
        var review = scope.ServiceProvider.GetRequiredService<IHotspotReview>();
        var published = (await review.ReviewAsync(first.Id, CancellationToken.None))!;
        var friar = published.Spots.Single(s => s.Spot.Name == "Friar Street").Spot;
        await review.UpdateBriefingAsync(friar.Id, "Door staff at the Purple Turtle know the regulars.", "analyst", CancellationToken.None);
        // A published briefing reaches officers at once.
        _services.GetRequiredService<IHotspotSnapshot>().Current.Find(friar.Id)!.Briefing.ShouldBe("Door staff at the Purple Turtle know the regulars.");

        await review.AddExclusionAsync(new NewExclusion("Station", Centre: At(2000, 0), RadiusMetres: 100), "analyst", CancellationToken.None);
        var draft = await RefreshAsync(publish: false);
        var diff = (await review.ReviewAsync(draft.Id, CancellationToken.None))!;
        diff.ComparedWith!.Id.ShouldBe(first.Id);
        diff.Spots.Select(s => (s.Spot.Name, s.Change)).ShouldBe([("Friar Street", SpotChange.Persisting), ("Caversham Road", SpotChange.New)]);
        diff.Dropped.Select(s => s.Name).ShouldBe(["Oxford Road"]);
        diff.Density.ShouldNotBeEmpty();
        diff.Density.Max(d => d.Value).ShouldBe(1);
        diff.Parameters.ShouldContain("\"method\":\"blend\"");

        // The draft starts from the published briefing; changing it leaves the published version as it was.
        var draftFriar = diff.Spots[0].Spot;
        draftFriar.Briefing.ShouldBe("Door staff at the Purple Turtle know the regulars.");
        await review.UpdateBriefingAsync(draftFriar.Id, "Weekend nights: start at the taxi rank.", "analyst", CancellationToken.None);
        (await review.ReviewAsync(first.Id, CancellationToken.None))!.Spots.Single(s => s.Spot.Id == friar.Id).Spot.Briefing
            .ShouldBe("Door staff at the Purple Turtle know the regulars.");
        _services.GetRequiredService<IHotspotSnapshot>().Current.Find(friar.Id)!.Briefing.ShouldBe("Door staff at the Purple Turtle know the regulars.");

        await _services.InScopeAsync<IHotspotModule, bool>(async m => { await m.PublishAsync(draft.Id, "analyst", CancellationToken.None); return true; });
        var now = _services.GetRequiredService<IHotspotSnapshot>().Current;
        now.Set!.Id.ShouldBe(draft.Id);
        now.Spots[0].Briefing.ShouldBe("Weekend nights: start at the taxi rank.");
        var retired = await Should.ThrowAsync<InvalidOperationException>(() => review.UpdateBriefingAsync(friar.Id, "late", "analyst", CancellationToken.None));
        retired.Message.ShouldContain("retired");
        (await Should.ThrowAsync<ValidationException>(() => review.UpdateBriefingAsync(draftFriar.Id, new string('x', 2001), "analyst", CancellationToken.None)))
            .Message.ShouldContain("at most 2,000");
    }

    [Fact]
    public async Task The_number_of_spots_and_auto_publish_are_options_analysts_change_at_run_time()
    {
        await using var scope = _services.CreateAsyncScope();
        var review = scope.ServiceProvider.GetRequiredService<IHotspotReview>();
        (await review.GetOptionsAsync(CancellationToken.None)).ShouldBe(new HotspotOptions(2, true));
        await review.SaveOptionsAsync(new HotspotOptions(3, false), "analyst", CancellationToken.None);
        (await review.GetOptionsAsync(CancellationToken.None)).ShouldBe(new HotspotOptions(3, false));
        (await RefreshAsync(publish: false)).SpotCount.ShouldBe(3);
        await Should.ThrowAsync<ValidationException>(() => review.SaveOptionsAsync(new HotspotOptions(0, false), "analyst", CancellationToken.None));
    }
}

using System.IO.Compression;
using HotSpots.Modules.Hotspots;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform.Geography;
using HotSpots.Testing;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Xunit.Abstractions;

namespace HotSpots.Hotspots.Tests;

/// <summary>
/// The Thames Valley months in ../shared/data, refreshed: no spot at a prison or secure hospital is published without the
/// analyst choosing to keep it. ./test.sh leaves this out, and says so, when the folder is absent.
/// </summary>
[Trait("Data", "Shared")]
public sealed class RealDataPlacesTests(ITestOutputHelper output)
{
    private static string Folder => Path.Combine(RepositoryPaths.SharedData, "uk-police", "thames-valley");

    [Fact]
    public async Task Thames_valley_refreshed_publishes_no_spot_at_a_prison_or_secure_hospital_unless_the_analyst_keeps_it()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var services = await ModuleHost.StartAsync(database, (s, c) => { s.AddIngestionModule(c); s.AddHotspotsModule(c); });
        var imported = await services.InScopeAsync<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(Folder), null, CancellationToken.None));
        imported.Imported.ShouldBe(128_099); // shared/data/README.md

        // The map points where the records name a prison or a secure hospital, read from the files by this test itself.
        var projection = services.GetRequiredService<IMetricProjection>();
        var custodial = PrisonAndSecureHospitalPoints().Select(p => projection.Project(p.Latitude, p.Longitude))
            .Select(p => new Point(p.X, p.Y)).ToList();
        custodial.Count.ShouldBeGreaterThanOrEqualTo(6); // Woodhill, Broadmoor, Huntercombe, Reading, Aylesbury and the unnamed "Prison" points

        // As the scheduled refresh with auto-publish: a set with spots at such places stays a draft.
        var set = await services.InScopeAsync<IHotspotModule, HotspotSetSummary>(m => m.RefreshAsync(publish: true, "scheduled", CancellationToken.None));
        set.Status.ShouldBe(HotspotSetStatus.Draft);
        var review = (await services.InScopeAsync<IHotspotReview, HotspotSetReview?>(r => r.ReviewAsync(set.Id, CancellationToken.None)))!;
        foreach (var flag in review.Flags) output.WriteLine($"#{flag.Rank} {flag.SpotName}: {flag.Kind} {flag.Place} ({flag.Match}) — {flag.Reason}");

        // Every spot that holds such a point is flagged as a prison or secure hospital, by the records' location, with the reason.
        var polygons = await PolygonsAsync(services, review.Spots.Select(s => s.Spot.Id));
        var atCustodial = review.Spots.Where(s => custodial.Any(p => polygons[s.Spot.Id].Covers(p))).Select(s => s.Spot.Id).ToList();
        atCustodial.ShouldNotBeEmpty("the first Thames Valley set had a prison and a secure hospital in it");
        foreach (var id in atCustodial)
            review.Flags.ShouldContain(f => f.HotspotId == id && (f.Kind == PlaceKind.Prison || f.Kind == PlaceKind.SecureHospital)
                && f.Match == PlaceMatch.RecordLocation && f.Reason.Contains("target crimes here"));
        review.Flags.ShouldContain(f => f.Kind == PlaceKind.SecureHospital && f.Place == "Broadmoor Hospital");
        review.Flags.ShouldContain(f => f.Kind == PlaceKind.Prison && f.Place == "Woodhill Prison");
        review.Flags.ShouldAllBe(f => f.Decision == PlaceDecision.Undecided);

        // Publishing refuses while any flag is undecided, and names the spots.
        var refused = await Should.ThrowAsync<InvalidOperationException>(() =>
            services.InScopeAsync<IHotspotModule, bool>(async m => { await m.PublishAsync(set.Id, "analyst", CancellationToken.None); return true; }));
        refused.Message.ShouldContain("Woodhill Prison");

        // The analyst keeps one (the first flagged spot at a prison) and excludes every other flagged spot: one click each.
        var flaggedSpots = review.Flags.Select(f => f.HotspotId).Distinct().ToList();
        var kept = review.Flags.First(f => f.Kind == PlaceKind.Prison).HotspotId;
        foreach (var id in flaggedSpots)
            await services.InScopeAsync<IHotspotReview, bool>(async r =>
            {
                await r.DecidePlaceAsync(id, id == kept ? PlaceDecision.Kept : PlaceDecision.Excluded,
                    id == kept ? "Crimes at the visitors' gate: patrols can treat it." : null, "analyst", CancellationToken.None);
                return true;
            });
        await services.InScopeAsync<IHotspotModule, bool>(async m => { await m.PublishAsync(set.Id, "analyst", CancellationToken.None); return true; });

        var published = services.GetRequiredService<IHotspotSnapshot>().Current;
        published.Set!.Id.ShouldBe(set.Id);
        published.Spots.Count.ShouldBe(review.Spots.Count - (flaggedSpots.Count - 1));
        var publishedPolygons = await PolygonsAsync(services, published.Spots.Select(s => s.Id));
        foreach (var spot in published.Spots.Where(s => s.Id != kept))
            custodial.ShouldNotContain(p => publishedPolygons[spot.Id].Covers(p), $"#{spot.Rank} {spot.Name} is at a prison or secure hospital");
        published.Spots.ShouldContain(s => s.Id == kept);

        // The next refresh leaves the excluded places' cells out, and carries the keep over: nothing waits for a decision
        // at a prison or secure hospital, and the scheduled refresh publishes.
        var next = await services.InScopeAsync<IHotspotModule, HotspotSetSummary>(m => m.RefreshAsync(publish: false, "scheduled", CancellationToken.None));
        var nextReview = (await services.InScopeAsync<IHotspotReview, HotspotSetReview?>(r => r.ReviewAsync(next.Id, CancellationToken.None)))!;
        foreach (var flag in nextReview.Flags) output.WriteLine($"next: #{flag.Rank} {flag.SpotName}: {flag.Kind} {flag.Place} — {flag.Decision} {flag.Note}");
        nextReview.Flags.ShouldNotContain(f => (f.Kind == PlaceKind.Prison || f.Kind == PlaceKind.SecureHospital) && f.Decision == PlaceDecision.Undecided);
        nextReview.Flags.ShouldContain(f => f.Decision == PlaceDecision.Kept && f.Note!.StartsWith($"Kept in set {set.Id}"));
        var nextPolygons = await PolygonsAsync(services, nextReview.Spots.Select(s => s.Spot.Id));
        var keptPlaces = nextReview.Flags.Where(f => f.Decision == PlaceDecision.Kept).Select(f => f.HotspotId).ToHashSet();
        foreach (var spot in nextReview.Spots.Where(s => !keptPlaces.Contains(s.Spot.Id)))
            custodial.ShouldNotContain(p => nextPolygons[spot.Spot.Id].Covers(p), $"#{spot.Spot.Rank} {spot.Spot.Name} is at a prison or secure hospital");
    }

    /// <summary>Positions of records whose location is "On or near … Prison", "On or near Prison" or "On or near Broadmoor Hospital".</summary>
    private static HashSet<GeoPoint> PrisonAndSecureHospitalPoints()
    {
        var points = new HashSet<GeoPoint>();
        foreach (var file in Directory.GetFiles(Folder, "*.csv.gz"))
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var fields = line.Split(',');
                var location = fields[6];
                if ((location.EndsWith(" Prison", StringComparison.Ordinal) || location == "On or near Broadmoor Hospital") && fields[4].Length > 0)
                    points.Add(new GeoPoint(double.Parse(fields[5], System.Globalization.CultureInfo.InvariantCulture),
                        double.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        return points;
    }

    private static async Task<Dictionary<long, Geometry>> PolygonsAsync(IServiceProvider services, IEnumerable<long> ids)
    {
        var result = new Dictionary<long, Geometry>();
        foreach (var id in ids)
        {
            var detail = await services.InScopeAsync<IHotspotModule, HotspotDetail?>(m => m.GetHotspotAsync(id, CancellationToken.None));
            result[id] = new WKBReader().Read(detail!.ProjectedPolygonWkb);
        }
        return result;
    }
}

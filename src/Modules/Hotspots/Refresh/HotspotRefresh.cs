using System.Diagnostics;
using System.Text.Json;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Data;
using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Modules.Hotspots.Places;
using HotSpots.Modules.Hotspots.Review;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace HotSpots.Modules.Hotspots.Refresh;

/// <summary>
/// Computes a new set as a draft: the crimes of the last HistoryMonths scored on the grid (by default the blend, fitted
/// on the force's own earlier months), exclusions left out, the best cells merged into spots with their reasons, and
/// the briefings of the published spots they overlap carried over as a starting text.
/// </summary>
internal sealed class HotspotRefresh(
    IIngestedData ingestion, HotspotsDbContext db, SpotBuilder builder, HotspotSettings settings, OptionsStore options,
    HotspotPublisher publisher, PlaceReview places, ForceOptions force, TimeProvider clock, ILogger<HotspotRefresh> log)
{
    public async Task<HotspotSetSummary> RunAsync(bool publish, string requestedBy, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var latest = await ingestion.GetLatestOccurrenceAsync(cancellationToken) ?? clock.GetUtcNow().UtcDateTime;
        var months = MonthWindows.EndingAfter(force, latest, settings.HistoryMonths);
        var crimes = await ingestion.GetCrimeTableAsync(months.FromUtc, months.ToUtc, cancellationToken);
        var exclusions = await db.Exclusions.AsNoTracking().Where(e => e.RemovedUtc == null).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var count = (await options.GetAsync(cancellationToken)).Count;
        var knownPlaces = await places.KnownPlacesAsync(cancellationToken);
        var categories = new HashSet<string>(settings.Categories, StringComparer.OrdinalIgnoreCase);
        var loaded = watch.Elapsed.TotalSeconds;

        var reader = new WKBReader();
        var grid = HotspotScoring.Score(new ScoringRequest(crimes, months, settings.TrainingMonths, categories, settings.Method, count,
            settings.MaxCellsPerSpot, settings.CellSizeMetres, settings.KdeBandwidthMetres, settings.GiRadiusCells, settings.FalseDiscoveryRate,
            exclusions.Select(e => reader.Read(e.PolygonWkb)).ToList()));
        var spots = builder.Build(grid, crimes, months, settings.TrainingMonths, categories, settings.FalseDiscoveryRate);
        var scored = watch.Elapsed.TotalSeconds;

        var briefings = await PublishedBriefingsAsync(cancellationToken);
        var writer = new WKBWriter();
        var trainingFrom = months.StartUtc(months.Count - settings.TrainingMonths);
        var set = new HotspotSet
        {
            Status = HotspotSetStatus.Draft,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = requestedBy,
            TrainingFromUtc = trainingFrom,
            TrainingToUtc = months.ToUtc,
            CellSizeMetres = settings.CellSizeMetres,
            Method = MethodName(grid) + GapNote(grid.Gap, months),
            ParametersJson = Parameters(grid, count, exclusions, months),
            Surface = DensitySurface.Write(grid.Frame, grid.Density),
            Spots = spots.Select(s => new Hotspot
            {
                Rank = s.Rank,
                Name = s.Name,
                PolygonWkb = writer.Write(s.Polygon),
                CentreLatitude = s.Centre.Latitude,
                CentreLongitude = s.Centre.Longitude,
                AreaSquareMetres = s.Polygon.Area,
                Score = s.Score,
                Harm = s.Harm,
                CrimeCount = s.CrimeCount,
                GiZ = s.GiZ,
                Significant = s.Significant,
                WhyJson = HotspotJson.Write(s.Why),
                Briefing = CarriedOver(s.Polygon, briefings),
            }).ToList(),
        };
        // The set and its flags are stored together: a draft is never seen without the flags that hold its publication.
        int flagged;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Sets.Add(set);
            await db.SaveChangesAsync(cancellationToken);
            flagged = await places.FlagAsync(set, new FlagRequest(
                grid.Spots.Select(s => (IReadOnlyList<Cell>)s.Cells.Select(grid.Frame.CellAt).ToList()).ToList(), settings.CellSizeMetres, crimes,
                trainingFrom.Ticks, months.ToUtc.Ticks, categories, knownPlaces, settings.PlaceFlagShare), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        log.LogInformation(
            "Hot spot set {SetId}: {Spots} spots from {Crimes} crimes between {From:d} and {To:d} ({Method}); loaded in {Load:0.000} s, scored in {Score:0.000} s, stored in {Store:0.000} s",
            set.Id, set.Spots.Count, crimes.Count, months.FromUtc, months.ToUtc, set.Method, loaded, scored - loaded, watch.Elapsed.TotalSeconds - scored);

        if (grid.Gap.Missing.Length > 0)
            log.LogWarning(
                "Hot spot set {SetId}: {Held} of the {Span} training months hold crimes; missing: {Missing}. Missing months are missing data, not months without crime: the training sums are scaled by {Span}/{Held}",
                set.Id, grid.Gap.Held, grid.Gap.Span, MonthNames(grid.Gap.Missing, months), grid.Gap.Span, grid.Gap.Held);
        if (publish && !grid.Gap.Enough)
            log.LogWarning("Hot spot set {SetId} is left as a draft: only {Held} of its {Span} training months hold crimes, fewer than the {Min} a set needs (the backtest's rule)",
                set.Id, grid.Gap.Held, grid.Gap.Span, MonthsHeld.MinHeld(grid.Gap.Span));
        else if (publish)
        {
            var undecided = await places.UndecidedAsync(set.Id, cancellationToken);
            if (undecided.Count == 0) await publisher.PublishAsync(set.Id, requestedBy, cancellationToken);
            else
                log.LogWarning("Hot spot set {SetId} is left as a draft: {Count} of its spots are at places no patrol can treat and await the analyst's decision ({Spots})",
                    set.Id, undecided.Count, string.Join("; ", undecided));
        }
        else if (flagged > 0) log.LogInformation("Hot spot set {SetId}: {Flags} flags of places no patrol can treat await review", set.Id, flagged);
        return HotspotMapping.Summary(set);
    }

    private string MethodName(ScoredGrid grid) => settings.Method switch
    {
        ScoreMethods.Blend when grid.Choice is { Fitted: true } c => $"blend fitted on {c.Windows} months",
        ScoreMethods.Blend when grid.Choice is { Windows: > Blend.MinFitWindows } c => $"harm-weighted counts (the blend did not beat them on the last {c.Windows} months)",
        ScoreMethods.Blend => "harm-weighted counts (too little history to fit the blend)",
        ScoreMethods.Kde => $"quartic kernel density, {settings.KdeBandwidthMetres:0} m",
        _ => "harm-weighted counts",
    };

    /// <summary>The training window's missing months, said in the method (the set's status line) when there are any.</summary>
    private string GapNote(TrainingGap gap, MonthWindows months) => gap.Missing.Length == 0 ? "" :
        $"; {gap.Held} of {gap.Span} training months held ({MonthNames(gap.Missing, months)} missing), sums scaled by {gap.Span}/{gap.Held}" +
        (gap.Enough ? "" : "; too few months to publish");

    /// <summary>Months named by their first local day (yyyy-MM-dd).</summary>
    private string MonthNames(IEnumerable<int> indices, MonthWindows months) =>
        string.Join(", ", indices.Select(m => $"month from {force.UtcToLocal(months.StartUtc(m)):yyyy-MM-dd}"));

    private string Parameters(ScoredGrid grid, int count, IReadOnlyList<Exclusion> exclusions, MonthWindows months) =>
        JsonSerializer.Serialize(new
        {
            method = settings.Method,
            categories = settings.Categories,
            cellSizeMetres = settings.CellSizeMetres,
            trainingMonths = settings.TrainingMonths,
            historyFromUtc = months.FromUtc,
            count,
            maxCellsPerSpot = settings.MaxCellsPerSpot,
            kdeBandwidthMetres = settings.KdeBandwidthMetres,
            giRadiusCells = settings.GiRadiusCells,
            falseDiscoveryRate = settings.FalseDiscoveryRate,
            blend = grid.Choice is { } c ? new { fitted = c.Fitted, windows = c.Windows, blendCaught = Math.Round(c.BlendHits, 1), countsCaught = Math.Round(c.CountHits, 1) } : null,
            weights = grid.Weights.Select(w => new { feature = w.Feature, weight = Math.Round(w.Weight, 5) }),
            activeCells = grid.ActiveCells,
            significantCells = grid.SignificantCells,
            excludedCells = grid.ExcludedCells,
            exclusions = exclusions.Select(e => new { id = e.Id, name = e.Name }),
            crimesOutsideArea = grid.CrimesOutsideArea,
            trainingMonthsSpanned = grid.Gap.Span,
            trainingMonthsHeld = grid.Gap.Held,
            missingMonthsFrom = grid.Gap.Missing.Select(m => force.UtcToLocal(months.StartUtc(m)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            trainingScale = Math.Round(grid.Gap.Scale, 5),
        });

    /// <summary>Briefings of the published set's spots, with their polygons.</summary>
    private async Task<List<(Geometry Polygon, string Briefing)>> PublishedBriefingsAsync(CancellationToken cancellationToken)
    {
        var reader = new WKBReader();
        var published = await db.Spots.AsNoTracking()
            .Where(s => s.Briefing != "" && db.Sets.Any(set => set.Id == s.SetId && set.Status == HotspotSetStatus.Published))
            .Select(s => new { s.PolygonWkb, s.Briefing })
            .ToListAsync(cancellationToken);
        return published.Select(p => (reader.Read(p.PolygonWkb), p.Briefing)).ToList();
    }

    /// <summary>The briefing of the published spot that overlaps this one most, as a starting text for the analyst.</summary>
    private static string CarriedOver(Geometry polygon, List<(Geometry Polygon, string Briefing)> briefings) =>
        briefings.Where(b => b.Polygon.Intersects(polygon))
            .Select(b => (b.Briefing, Area: b.Polygon.Intersection(polygon).Area))
            .Where(b => b.Area > 0)
            .OrderByDescending(b => b.Area)
            .Select(b => b.Briefing)
            .FirstOrDefault() ?? "";
}

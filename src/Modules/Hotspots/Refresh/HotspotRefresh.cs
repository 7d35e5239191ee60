using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Data;
using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Modules.Ingestion.Contracts;
using Microsoft.Extensions.Logging;
using NetTopologySuite.IO;

namespace HotSpots.Modules.Hotspots.Refresh;

/// <summary>
/// Computes a new set: harm-weighted counts of the target categories on the grid over the training window
/// (ending at the latest crime held), top cells merged into spots, stored as a draft.
/// </summary>
internal sealed class HotspotRefresh(
    IIngestionModule ingestion, HotspotsDbContext db, SpotBuilder builder, HotspotSettings settings,
    HotspotPublisher publisher, TimeProvider clock, ILogger<HotspotRefresh> log)
{
    public const string Method = "harm-weighted counts";

    public async Task<HotspotSetSummary> RunAsync(bool publish, string requestedBy, CancellationToken cancellationToken)
    {
        var latest = await ingestion.GetLatestOccurrenceAsync(cancellationToken) ?? clock.GetUtcNow().UtcDateTime;
        var toUtc = new DateTime(latest.Year, latest.Month, latest.Day, 0, 0, 0, DateTimeKind.Utc).AddDays(1);
        var fromUtc = toUtc.AddMonths(-settings.TrainingMonths);
        var crimes = await ingestion.GetCrimePointsAsync(fromUtc, toUtc, cancellationToken);
        var categories = new HashSet<string>(settings.Categories, StringComparer.OrdinalIgnoreCase);

        var scores = HarmGrid.Score(crimes, settings.CellSizeMetres, categories);
        var cells = SpotFinder.Find(scores, settings.Count, settings.MaxCellsPerSpot);
        var spots = builder.Build(cells, scores, crimes, settings.CellSizeMetres, categories, fromUtc, toUtc);

        var writer = new WKBWriter();
        var set = new HotspotSet
        {
            Status = HotspotSetStatus.Draft,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = requestedBy,
            TrainingFromUtc = fromUtc,
            TrainingToUtc = toUtc,
            CellSizeMetres = settings.CellSizeMetres,
            Method = Method,
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
                WhyJson = HotspotJson.Write(s.Why),
            }).ToList(),
        };
        db.Sets.Add(set);
        await db.SaveChangesAsync(cancellationToken);
        log.LogInformation("Hot spot set {SetId}: {Spots} spots from {Crimes} crimes between {From:d} and {To:d}",
            set.Id, set.Spots.Count, crimes.Count, fromUtc, toUtc);

        if (publish) await publisher.PublishAsync(set.Id, requestedBy, cancellationToken);
        return HotspotMapping.Summary(set);
    }
}

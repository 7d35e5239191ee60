using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Data;
using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Modules.Hotspots.Places;
using HotSpots.Modules.Hotspots.Snapshot;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Geography;
using HotSpots.Platform.Revisions;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace HotSpots.Modules.Hotspots.Review;

/// <summary>A set as the analyst reviews it: spots new or persisting against the set it would replace, dropped spots, the density surface.</summary>
internal sealed class SetReview(HotspotsDbContext db, IMetricProjection projection, SnapshotStore snapshot, IAuditLog audit, PlaceReview places)
{
    public async Task<HotspotSetReview?> ReviewAsync(long setId, CancellationToken cancellationToken)
    {
        var set = await db.Sets.AsNoTracking().Include(s => s.Spots).SingleOrDefaultAsync(s => s.Id == setId, cancellationToken);
        if (set is null) return null;
        var compared = await ComparedWithAsync(set, cancellationToken);
        var reader = new WKBReader();
        var mine = set.Spots.OrderBy(s => s.Rank).Select(s => (Spot: s, Polygon: reader.Read(s.PolygonWkb))).ToList();
        var theirs = compared?.Spots.OrderBy(s => s.Rank).Select(s => (Spot: s, Polygon: reader.Read(s.PolygonWkb))).ToList() ?? [];
        var spots = mine.Select(m => new ReviewSpot(
            HotspotMapping.Published(m.Spot, projection.Unproject),
            theirs.Any(t => Overlap(t.Polygon, m.Polygon)) ? SpotChange.Persisting : SpotChange.New,
            m.Spot.Significant, m.Spot.GiZ)).ToList();
        var dropped = theirs.Where(t => !mine.Any(m => Overlap(t.Polygon, m.Polygon)))
            .Select(t => HotspotMapping.Published(t.Spot, projection.Unproject)).ToList();
        return new HotspotSetReview(HotspotMapping.Summary(set), spots, compared is null ? null : HotspotMapping.Summary(compared), dropped,
            Density(set), set.ParametersJson, await places.FlagsOfSetAsync(setId, cancellationToken), await places.ExcludedSpotsAsync(setId, cancellationToken));
    }

    public async Task UpdateBriefingAsync(long hotspotId, string briefing, string editedBy, CancellationToken cancellationToken)
    {
        briefing = (briefing ?? "").Trim();
        if (briefing.Length > Briefings.MaxLength)
            throw new ValidationException($"The briefing is {briefing.Length:N0} characters long; at most {Briefings.MaxLength:N0} are allowed.");
        var spot = await db.Spots.SingleOrDefaultAsync(s => s.Id == hotspotId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no hot spot {hotspotId}.");
        var status = await db.Sets.Where(s => s.Id == spot.SetId).Select(s => s.Status).SingleAsync(cancellationToken);
        if (status == HotspotSetStatus.Retired)
            throw new InvalidOperationException($"Hot spot {hotspotId} belongs to retired set {spot.SetId}: its briefing is kept as it was.");
        var before = spot.Briefing;
        if (before == briefing) return;
        spot.Briefing = briefing;
        // Officers read briefings from the snapshot: a change to a published spot raises its revision, so that every
        // node's snapshot follows.
        if (status == HotspotSetStatus.Published) await db.SaveChangesAndRaiseAsync(HotspotRevisions.Published, cancellationToken);
        else await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(editedBy, "hotspot.briefing.edit", $"hotspot {hotspotId} (set {spot.SetId})",
            Details: $"from \"{before}\" to \"{briefing}\""), cancellationToken);
        if (status == HotspotSetStatus.Published) await snapshot.CurrentAsync(cancellationToken);
    }

    /// <summary>The published set; for the published set itself, the set published before it.</summary>
    private async Task<HotspotSet?> ComparedWithAsync(HotspotSet set, CancellationToken cancellationToken)
    {
        var sets = db.Sets.AsNoTracking().Include(s => s.Spots);
        if (set.Status != HotspotSetStatus.Published)
            return await sets.Where(s => s.Status == HotspotSetStatus.Published && s.Id != set.Id).OrderByDescending(s => s.PublishedUtc).FirstOrDefaultAsync(cancellationToken);
        return await sets.Where(s => s.Status == HotspotSetStatus.Retired && s.PublishedUtc != null && s.PublishedUtc < set.PublishedUtc)
            .OrderByDescending(s => s.PublishedUtc).FirstOrDefaultAsync(cancellationToken);
    }

    private static bool Overlap(Geometry a, Geometry b) => a.Intersects(b) && a.Intersection(b).Area > 0;

    private List<DensityCell> Density(HotspotSet set)
    {
        var cells = DensitySurface.Read(set.Surface).ToList();
        if (cells.Count == 0) return [];
        var max = cells.Max(c => c.Value);
        var size = set.CellSizeMetres;
        return cells.Select(c => new DensityCell(
            projection.Unproject(c.Cell.Column * size, c.Cell.Row * size),
            projection.Unproject((c.Cell.Column + 1) * size, (c.Cell.Row + 1) * size),
            Math.Round(c.Value / max, 4))).ToList();
    }
}

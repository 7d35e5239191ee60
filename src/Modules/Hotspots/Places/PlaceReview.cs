using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Data;
using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Geography;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Union;

namespace HotSpots.Modules.Hotspots.Places;

/// <summary>
/// Spots at places no patrol can treat: the flags a refresh stores, the analyst's decision on each flagged spot
/// (exclude it, or keep it), and the force's list of places. Every change is audited.
/// </summary>
internal sealed class PlaceReview(HotspotsDbContext db, IMetricProjection projection, IAuditLog audit, TimeProvider clock)
{
    public const int MaxNoteLength = 500;

    /// <summary>The force's places, as the flagger reads them.</summary>
    public async Task<IReadOnlyList<KnownPlace>> KnownPlacesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Places.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var reader = new WKBReader();
        return rows.Select(p => new KnownPlace(p.Name, p.Kind, reader.Read(p.ShapeWkb))).ToList();
    }

    /// <summary>
    /// Flags the spots of a new set (their ids assigned) and stores the flags. A spot at the same place as a spot the
    /// analyst kept in the published set, overlapping it, is kept again, naming that set and analyst.
    /// </summary>
    public async Task<int> FlagAsync(HotspotSet set, FlagRequest request, CancellationToken cancellationToken)
    {
        var found = PlaceFlagger.Flag(request);
        var kept = await PublishedKeepsAsync(cancellationToken);
        var reader = new WKBReader();
        var writer = new WKBWriter();
        var spots = set.Spots.OrderBy(s => s.Rank).ToList();
        var count = 0;
        for (var i = 0; i < found.Length; i++)
        {
            var spot = spots[i];
            var polygon = reader.Read(spot.PolygonWkb);
            foreach (var flag in found[i])
            {
                var carried = kept.FirstOrDefault(k => k.Flag.Kind == flag.Kind && k.Flag.Match == flag.Match
                    && string.Equals(k.Flag.Place, flag.Place, StringComparison.OrdinalIgnoreCase) && Overlap(k.Polygon, polygon));
                db.PlaceFlags.Add(new SpotPlaceFlag
                {
                    SetId = set.Id,
                    HotspotId = spot.Id,
                    Kind = flag.Kind,
                    Place = Cut(flag.Place, 200),
                    Match = flag.Match,
                    Reason = Cut(flag.Reason, 500),
                    AreaWkb = writer.Write(SpotBuilder.Outline(flag.Cells, request.CellSize)),
                    Decision = carried.Flag is null ? PlaceDecision.Undecided : PlaceDecision.Kept,
                    DecidedBy = carried.Flag?.DecidedBy,
                    DecidedUtc = carried.Flag?.DecidedUtc,
                    Note = carried.Flag is null ? null : Cut($"Kept in set {carried.Flag.SetId}" + (string.IsNullOrEmpty(carried.Flag.Note) ? "" : $": {carried.Flag.Note}"), MaxNoteLength),
                });
                count++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    /// <summary>The flags of a set, with each spot's rank and name (an excluded spot too).</summary>
    public async Task<IReadOnlyList<PlaceFlag>> FlagsOfSetAsync(long setId, CancellationToken cancellationToken)
    {
        var flags = await db.PlaceFlags.AsNoTracking().Where(f => f.SetId == setId).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        if (flags.Count == 0) return [];
        var spots = await db.Spots.IgnoreQueryFilters().AsNoTracking().Where(s => s.SetId == setId)
            .Select(s => new { s.Id, s.Rank, s.Name }).ToDictionaryAsync(s => s.Id, cancellationToken);
        return flags.Select(f => new PlaceFlag(f.Id, f.HotspotId, spots[f.HotspotId].Rank, spots[f.HotspotId].Name, f.Kind, f.Place, f.Match, f.Reason,
                f.Decision, f.DecidedBy, f.DecidedUtc, f.Note, f.ExclusionId))
            .OrderBy(f => f.Rank).ThenBy(f => f.Id).ToList();
    }

    /// <summary>The spots a set left out at the analyst's decision.</summary>
    public async Task<IReadOnlyList<PublishedHotspot>> ExcludedSpotsAsync(long setId, CancellationToken cancellationToken)
    {
        var rows = await db.Spots.IgnoreQueryFilters().AsNoTracking().Where(s => s.SetId == setId && s.ExcludedUtc != null)
            .OrderBy(s => s.Rank).ToListAsync(cancellationToken);
        return rows.Select(s => HotspotMapping.Published(s, projection.Unproject)).ToList();
    }

    /// <summary>Undecided flags of a set, in words, for the publisher's refusal; empty when there are none.</summary>
    public async Task<IReadOnlyList<string>> UndecidedAsync(long setId, CancellationToken cancellationToken)
    {
        var flags = await FlagsOfSetAsync(setId, cancellationToken);
        return flags.Where(f => f.Decision == PlaceDecision.Undecided)
            .GroupBy(f => f.HotspotId)
            .Select(g => $"#{g.First().Rank} {g.First().SpotName} ({string.Join(", ", g.Select(f => PlaceKinds.Describe(f.Kind)).Distinct())})")
            .ToList();
    }

    /// <summary>
    /// The analyst's decision on a flagged spot of a draft. Excluded: the spot leaves the set and its flagged cells
    /// become an exclusion for every later refresh. Kept: the spot stays (an exclusion made by an earlier "exclude" of
    /// it is removed). The decision can be changed until the set is published.
    /// </summary>
    public async Task DecideAsync(long hotspotId, PlaceDecision decision, string? note, string decidedBy, CancellationToken cancellationToken)
    {
        if (decision == PlaceDecision.Undecided) throw new ValidationException("Choose to exclude the spot or to keep it.");
        note = (note ?? "").Trim();
        if (note.Length > MaxNoteLength) throw new ValidationException($"The note is {note.Length:N0} characters long; at most {MaxNoteLength} are allowed.");
        var flags = await db.PlaceFlags.Where(f => f.HotspotId == hotspotId).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        if (flags.Count == 0) throw new KeyNotFoundException($"Hot spot {hotspotId} is not flagged as a place no patrol can treat.");
        var spot = await db.Spots.IgnoreQueryFilters().SingleAsync(s => s.Id == hotspotId, cancellationToken);
        var status = await db.Sets.Where(s => s.Id == spot.SetId).Select(s => s.Status).SingleAsync(cancellationToken);
        if (status != HotspotSetStatus.Draft)
            throw new InvalidOperationException($"Set {spot.SetId} is {status.ToString().ToLowerInvariant()}: spots are excluded or kept in a draft, before it is published.");
        var now = clock.GetUtcNow().UtcDateTime;
        var places = string.Join(", ", flags.Select(f => $"{f.Place} ({PlaceKinds.Describe(f.Kind)})").Distinct());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        long? exclusionId = flags.Select(f => f.ExclusionId).FirstOrDefault(id => id is not null);
        if (decision == PlaceDecision.Excluded && spot.ExcludedUtc is null)
        {
            spot.ExcludedUtc = now;
            if (exclusionId is null)
            {
                var reader = new WKBReader();
                var area = UnaryUnionOp.Union(flags.Select(f => reader.Read(f.AreaWkb)).ToList());
                var exclusion = new Exclusion
                {
                    Name = Cut($"{places}, from set {spot.SetId}", 200),
                    PolygonWkb = new WKBWriter().Write(area),
                    CreatedUtc = now,
                    CreatedBy = decidedBy,
                };
                db.Exclusions.Add(exclusion);
                await db.SaveChangesAsync(cancellationToken);
                exclusionId = exclusion.Id;
            }
        }
        else if (decision == PlaceDecision.Kept)
        {
            spot.ExcludedUtc = null;
            if (exclusionId is { } id && await db.Exclusions.SingleOrDefaultAsync(e => e.Id == id && e.RemovedUtc == null, cancellationToken) is { } made)
            {
                made.RemovedUtc = now;
                made.RemovedBy = decidedBy;
            }
            exclusionId = null;
        }
        foreach (var flag in flags)
        {
            flag.Decision = decision;
            flag.DecidedBy = decidedBy;
            flag.DecidedUtc = now;
            flag.Note = note.Length == 0 ? null : note;
            flag.ExclusionId = exclusionId;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(decidedBy, decision == PlaceDecision.Excluded ? "hotspot.place.exclude" : "hotspot.place.keep",
            $"hotspot {hotspotId} (set {spot.SetId})", Why: note.Length == 0 ? null : note,
            Details: $"#{spot.Rank} {spot.Name} at {places}" + (exclusionId is { } e ? $"; exclusion {e}" : "")), cancellationToken);
    }

    public async Task<IReadOnlyList<ForcePlaceView>> ListPlacesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Places.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        var reader = new WKBReader();
        return rows.Select(p => new ForcePlaceView(p.Id, p.Name, p.Kind, new GeoPoint(p.Latitude, p.Longitude), p.RadiusMetres,
            Math.Round(reader.Read(p.ShapeWkb).Area), p.UploadedUtc, p.UploadedBy)).ToList();
    }

    /// <summary>Replaces the force's list with the places of a file; a file with any problem changes nothing and says every problem.</summary>
    public async Task<PlacesUpload> ReplacePlacesAsync(Stream file, string fileName, string uploadedBy, CancellationToken cancellationToken)
    {
        string text;
        using (var reader = new StreamReader(file))
            text = await reader.ReadToEndAsync(cancellationToken);
        var (places, problems) = PlacesFile.Read(text, fileName, projection);
        if (problems.Count > 0) return new PlacesUpload(0, 0, problems);
        var now = clock.GetUtcNow().UtcDateTime;
        var writer = new WKBWriter();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var replaced = await db.Places.ExecuteDeleteAsync(cancellationToken);
        db.Places.AddRange(places.Select(p => new ForcePlace
        {
            Name = p.Name, Kind = p.Kind, ShapeWkb = writer.Write(p.Shape), Latitude = p.Latitude, Longitude = p.Longitude,
            RadiusMetres = p.RadiusMetres, UploadedUtc = now, UploadedBy = uploadedBy,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(uploadedBy, "hotspot.places.upload", "force places",
            Details: $"{places.Count} place{(places.Count == 1 ? "" : "s")} from {fileName} ({string.Join(", ", places.GroupBy(p => p.Kind).Select(g => $"{g.Count()} {PlaceKinds.Describe(g.Key)}"))}), replacing {replaced}"),
            cancellationToken);
        return new PlacesUpload(places.Count, replaced, []);
    }

    /// <summary>Kept flags of the published set, with their spots' polygons.</summary>
    private async Task<List<(SpotPlaceFlag Flag, Geometry Polygon)>> PublishedKeepsAsync(CancellationToken cancellationToken)
    {
        var rows = await (from f in db.PlaceFlags.AsNoTracking()
                          join s in db.Spots.AsNoTracking() on f.HotspotId equals s.Id
                          where f.Decision == PlaceDecision.Kept && db.Sets.Any(set => set.Id == f.SetId && set.Status == HotspotSetStatus.Published)
                          select new { Flag = f, s.PolygonWkb }).ToListAsync(cancellationToken);
        var reader = new WKBReader();
        return rows.Select(r => (r.Flag, reader.Read(r.PolygonWkb))).ToList();
    }

    private static bool Overlap(Geometry a, Geometry b) => a.Intersects(b) && a.Intersection(b).Area > 0;

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Data;
using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Geography;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace HotSpots.Modules.Hotspots.Review;

/// <summary>Places never to make a hot spot of: drawn areas, or points with a radius. Every change is audited.</summary>
internal sealed class ExclusionList(HotspotsDbContext db, IMetricProjection projection, IAuditLog audit, TimeProvider clock)
{
    public const double MinRadius = 10;
    public const double MaxRadius = 5000;
    private static readonly GeometryFactory Factory = new();

    public async Task<IReadOnlyList<ExclusionView>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Exclusions.AsNoTracking().Where(e => e.RemovedUtc == null).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
        return rows.Select(View).ToList();
    }

    public async Task<ExclusionView> AddAsync(NewExclusion exclusion, string createdBy, CancellationToken cancellationToken)
    {
        var name = (exclusion.Name ?? "").Trim();
        if (name.Length is 0 or > 200) throw new ValidationException("Give the exclusion a name of at most 200 characters (e.g. \"Royal Infirmary A&E\").");
        var polygon = Shape(exclusion);
        var row = new Exclusion
        {
            Name = name,
            PolygonWkb = new WKBWriter().Write(polygon),
            Latitude = exclusion.Centre?.Latitude,
            Longitude = exclusion.Centre?.Longitude,
            RadiusMetres = exclusion.Centre is null ? null : exclusion.RadiusMetres,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        db.Exclusions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(createdBy, "hotspot.exclusion.add", $"exclusion {row.Id}",
            Details: row.RadiusMetres is { } r ? $"{name}: {r:0} m around {row.Latitude:0.000000},{row.Longitude:0.000000}" : $"{name}: drawn area of {polygon.Area:N0} m²"),
            cancellationToken);
        return View(row);
    }

    public async Task RemoveAsync(long exclusionId, string removedBy, CancellationToken cancellationToken)
    {
        var row = await db.Exclusions.SingleOrDefaultAsync(e => e.Id == exclusionId && e.RemovedUtc == null, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no exclusion {exclusionId} in force.");
        row.RemovedUtc = clock.GetUtcNow().UtcDateTime;
        row.RemovedBy = removedBy;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(removedBy, "hotspot.exclusion.remove", $"exclusion {row.Id}", Details: row.Name), cancellationToken);
    }

    /// <summary>The area in projected metres: the drawn polygon, or the circle around the point.</summary>
    private Geometry Shape(NewExclusion exclusion)
    {
        if (exclusion.Area is { Count: > 0 } area)
        {
            if (exclusion.Centre is not null) throw new ValidationException("Give either an area or a point with a radius, not both.");
            if (area.Count < 3) throw new ValidationException($"An area needs at least 3 corners; {area.Count} were given.");
            for (var i = 0; i < area.Count; i++)
                if (!area[i].IsValid) throw new ValidationException($"Corner {i + 1} of the area is not a valid latitude and longitude.");
            var corners = area.Select(p => projection.Project(p.Latitude, p.Longitude)).Select(p => new Coordinate(p.X, p.Y)).ToList();
            corners.Add(corners[0]);
            var polygon = Factory.CreatePolygon(corners.ToArray());
            if (!polygon.IsValid) throw new ValidationException("The area's edges cross each other: draw its corners in order around it.");
            if (polygon.Area < 1) throw new ValidationException("The area is empty: its corners lie on one line.");
            return polygon;
        }
        if (exclusion.Centre is not { } centre) throw new ValidationException("Draw an area, or give a point and a radius.");
        if (!centre.IsValid) throw new ValidationException("The point is not a valid latitude and longitude.");
        if (exclusion.RadiusMetres is not { } radius || radius < MinRadius || radius > MaxRadius || double.IsNaN(radius))
            throw new ValidationException($"The radius must be between {MinRadius:0} and {MaxRadius:0} metres.");
        var at = projection.Project(centre.Latitude, centre.Longitude);
        return Factory.CreatePoint(new Coordinate(at.X, at.Y)).Buffer(radius, 16);
    }

    private ExclusionView View(Exclusion row) => new(row.Id, row.Name,
        ExteriorRing.Of(new WKBReader().Read(row.PolygonWkb)).Select(c => projection.Unproject(c.X, c.Y)).ToList(),
        row.Latitude is { } lat && row.Longitude is { } lon ? new GeoPoint(lat, lon) : null, row.RadiusMetres, row.CreatedUtc, row.CreatedBy);
}

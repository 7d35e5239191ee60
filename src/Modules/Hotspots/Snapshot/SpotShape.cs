using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Platform.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace HotSpots.Modules.Hotspots.Snapshot;

/// <summary>A published spot with its projected polygon, prepared for fast distance and containment tests.</summary>
internal sealed class SpotShape(PublishedHotspot spot, Geometry polygon)
{
    private readonly IndexedFacetDistance _distance = new(polygon);
    private readonly NetTopologySuite.Geometries.Prepared.IPreparedGeometry _prepared =
        NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(polygon);

    public PublishedHotspot Spot { get; } = spot;

    public Geometry Polygon { get; } = polygon;

    public double DistanceMetres(MetricPoint here)
    {
        var point = Polygon.Factory.CreatePoint(new Coordinate(here.X, here.Y));
        return _prepared.Contains(point) ? 0 : _distance.Distance(point);
    }
}

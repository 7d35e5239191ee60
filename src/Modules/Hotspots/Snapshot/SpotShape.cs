using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Platform.Geography;
using NetTopologySuite.Geometries;

namespace HotSpots.Modules.Hotspots.Snapshot;

/// <summary>A published spot with its projected polygon, prepared for fast distance and containment tests.</summary>
internal sealed class SpotShape(PublishedHotspot spot, Geometry polygon)
{
    private readonly PlanarOutline _outline = new(polygon);

    public PublishedHotspot Spot { get; } = spot;

    public Geometry Polygon { get; } = polygon;

    public double DistanceMetres(MetricPoint here) => _outline.MetresOutside(here.X, here.Y);
}

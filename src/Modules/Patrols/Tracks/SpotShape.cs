using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Distance;

namespace HotSpots.Modules.Patrols.Tracks;

/// <summary>A spot's polygon in projected metres, ready for many "how far outside am I" questions.</summary>
internal sealed class SpotShape
{
    private readonly IPreparedGeometry _prepared;
    private readonly IndexedFacetDistance _edge;
    private readonly GeometryFactory _factory;

    public SpotShape(Geometry polygon)
    {
        Polygon = polygon;
        _factory = polygon.Factory;
        _prepared = PreparedGeometryFactory.Prepare(polygon);
        _edge = new IndexedFacetDistance(polygon);
    }

    public Geometry Polygon { get; }

    public static SpotShape FromWkb(byte[] wkb) => new(new WKBReader().Read(wkb));

    /// <summary>0 inside the polygon, otherwise the distance in metres to its edge.</summary>
    public double MetresOutside(double x, double y)
    {
        var point = _factory.CreatePoint(new Coordinate(x, y));
        return _prepared.Contains(point) ? 0 : _edge.Distance(point);
    }
}

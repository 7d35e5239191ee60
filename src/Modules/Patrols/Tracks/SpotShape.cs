using HotSpots.Platform.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace HotSpots.Modules.Patrols.Tracks;

/// <summary>A spot's polygon in projected metres, ready for many "how far outside am I" questions.</summary>
internal sealed class SpotShape(Geometry polygon)
{
    private readonly PlanarOutline _outline = new(polygon);

    public Geometry Polygon { get; } = polygon;

    public static SpotShape FromWkb(byte[] wkb) => new(new WKBReader().Read(wkb));

    /// <summary>0 inside the polygon, otherwise the distance in metres to its edge.</summary>
    public double MetresOutside(double x, double y) => _outline.MetresOutside(x, y);
}

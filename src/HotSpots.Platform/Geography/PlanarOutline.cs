using NetTopologySuite.Geometries;

namespace HotSpots.Platform.Geography;

/// <summary>
/// A polygon (or multipolygon) in projected metres, answering "how far outside am I" with plain arithmetic over its
/// edges. Hot spots have tens of edges, so a scan is faster than a spatial index, and it holds no locks: every
/// officer's request and ping can ask at once (NetTopologySuite's indexed and prepared geometries serialise callers).
/// </summary>
public sealed class PlanarOutline
{
    // Each edge as x1, y1, x2, y2, over every ring (shells and holes) of every polygon.
    private readonly double[] _edges;
    private readonly Envelope _bounds;

    public PlanarOutline(Geometry polygon)
    {
        var edges = new List<double>();
        for (var i = 0; i < polygon.NumGeometries; i++)
            if (polygon.GetGeometryN(i) is Polygon part)
            {
                AddRing(edges, part.ExteriorRing.Coordinates);
                foreach (var hole in part.InteriorRings) AddRing(edges, hole.Coordinates);
            }
        if (edges.Count == 0) throw new ArgumentException($"A {polygon.GeometryType} has no polygon edges.", nameof(polygon));
        _edges = [.. edges];
        _bounds = polygon.EnvelopeInternal;
    }

    /// <summary>0 inside or on the edge, otherwise the distance in metres to the nearest edge.</summary>
    public double MetresOutside(double x, double y) => Contains(x, y) ? 0 : Math.Sqrt(SquaredDistanceToEdge(x, y));

    /// <summary>Even-odd rule over every ring: inside a shell and outside its holes.</summary>
    public bool Contains(double x, double y)
    {
        if (x < _bounds.MinX || x > _bounds.MaxX || y < _bounds.MinY || y > _bounds.MaxY) return false;
        var inside = false;
        var e = _edges;
        for (var i = 0; i < e.Length; i += 4)
        {
            double x1 = e[i], y1 = e[i + 1], x2 = e[i + 2], y2 = e[i + 3];
            if ((y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1) inside = !inside;
        }
        return inside;
    }

    private double SquaredDistanceToEdge(double x, double y)
    {
        var best = double.MaxValue;
        var e = _edges;
        for (var i = 0; i < e.Length; i += 4)
        {
            double x1 = e[i], y1 = e[i + 1], dx = e[i + 2] - x1, dy = e[i + 3] - y1;
            var lengthSquared = dx * dx + dy * dy;
            var t = lengthSquared == 0 ? 0 : Math.Clamp(((x - x1) * dx + (y - y1) * dy) / lengthSquared, 0, 1);
            double px = x1 + t * dx - x, py = y1 + t * dy - y;
            best = Math.Min(best, px * px + py * py);
        }
        return best;
    }

    private static void AddRing(List<double> edges, Coordinate[] ring)
    {
        for (var i = 0; i + 1 < ring.Length; i++)
            edges.AddRange([ring[i].X, ring[i].Y, ring[i + 1].X, ring[i + 1].Y]);
    }
}

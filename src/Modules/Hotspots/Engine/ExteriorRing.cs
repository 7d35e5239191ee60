using NetTopologySuite.Geometries;

namespace HotSpots.Modules.Hotspots.Engine;

internal static class ExteriorRing
{
    /// <summary>The outer ring of a spot's polygon (of its largest part, should it have several).</summary>
    public static Coordinate[] Of(Geometry geometry) => geometry switch
    {
        Polygon polygon => polygon.ExteriorRing.Coordinates,
        MultiPolygon parts => ((Polygon)parts.Geometries.MaxBy(g => g.Area)!).ExteriorRing.Coordinates,
        _ => geometry.Coordinates,
    };
}

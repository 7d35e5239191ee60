using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace HotSpots.Platform.Geography;

/// <summary>A projection given by the WKT of a projected coordinate system (ProjNET has no EPSG database).</summary>
public sealed class WktProjection : IMetricProjection
{
    private readonly MathTransform _forward;
    private readonly MathTransform _inverse;

    public WktProjection(string name, string projectedWkt)
    {
        Name = name;
        var factory = new CoordinateSystemFactory();
        var projected = (ProjectedCoordinateSystem)factory.CreateFromWkt(projectedWkt);
        var transform = new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, projected);
        _forward = transform.MathTransform;
        _inverse = transform.MathTransform.Inverse();
    }

    public string Name { get; }

    public MetricPoint Project(double latitude, double longitude)
    {
        var (x, y) = _forward.Transform(longitude, latitude);
        return new MetricPoint(x, y);
    }

    public GeoPoint Unproject(double x, double y)
    {
        var (lon, lat) = _inverse.Transform(x, y);
        return new GeoPoint(lat, lon);
    }

    /// <summary>British National Grid (EPSG:27700) with the OSGB36 datum shift from WGS84.</summary>
    public static WktProjection BritishNationalGrid() => new("EPSG:27700", BritishNationalGridWkt);

    // The TOWGS84 seven-parameter shift is required: without it positions are about 100 m off.
    internal const string BritishNationalGridWkt =
        "PROJCS[\"OSGB 1936 / British National Grid\"," +
        "GEOGCS[\"OSGB 1936\",DATUM[\"OSGB_1936\",SPHEROID[\"Airy 1830\",6377563.396,299.3249646]," +
        "TOWGS84[446.448,-125.157,542.06,0.15,0.247,0.842,-20.489]]," +
        "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]," +
        "PROJECTION[\"Transverse_Mercator\"]," +
        "PARAMETER[\"latitude_of_origin\",49],PARAMETER[\"central_meridian\",-2]," +
        "PARAMETER[\"scale_factor\",0.9996012717],PARAMETER[\"false_easting\",400000]," +
        "PARAMETER[\"false_northing\",-100000],UNIT[\"metre\",1]]";
}

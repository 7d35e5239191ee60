namespace HotSpots.Platform.Geography;

/// <summary>Converts WGS84 longitude/latitude to a metric plane (metres) and back.</summary>
public interface IMetricProjection
{
    /// <summary>Short name shown to users, e.g. "EPSG:27700".</summary>
    string Name { get; }

    /// <summary>Projects a WGS84 position to plane coordinates in metres.</summary>
    MetricPoint Project(double latitude, double longitude);

    /// <summary>Converts plane coordinates in metres back to WGS84.</summary>
    GeoPoint Unproject(double x, double y);
}

/// <summary>A position on the metric plane, in metres.</summary>
public readonly record struct MetricPoint(double X, double Y);

/// <summary>A WGS84 position in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180
        && !double.IsNaN(Latitude) && !double.IsNaN(Longitude);
}

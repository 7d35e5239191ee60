using System.Globalization;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>An easting/northing pair on the configured grid, converted to WGS84.</summary>
internal readonly record struct GridReference(double? Latitude, double? Longitude, string? ErrorField, string? Error)
{
    public static GridReference Parse(string? eastingText, string? northingText, IMetricProjection projection)
    {
        if (eastingText is null) return new(null, null, "easting", "is empty while the northing is given");
        if (northingText is null) return new(null, null, "northing", "is empty while the easting is given");
        if (!double.TryParse(eastingText, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || x is < -1e7 or > 1e7)
            return new(null, null, "easting", $"'{eastingText}' is not an easting in metres");
        if (!double.TryParse(northingText, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) || y is < -1e7 or > 1e7)
            return new(null, null, "northing", $"'{northingText}' is not a northing in metres");
        var point = projection.Unproject(x, y);
        return point.IsValid
            ? new(point.Latitude, point.Longitude, null, null)
            : new(null, null, "easting", $"{eastingText},{northingText} is not a position on the grid");
    }
}

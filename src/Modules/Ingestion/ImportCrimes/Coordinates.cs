using System.Globalization;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>A latitude/longitude pair parsed from text: both present, both absent (unmappable), or an error.</summary>
internal readonly record struct Coordinates(double? Latitude, double? Longitude, string? ErrorField, string? Error)
{
    public static Coordinates Parse(string? latitudeText, string? longitudeText, string latitudeField = "Latitude", string longitudeField = "Longitude")
    {
        if (latitudeText is null && longitudeText is null) return default;
        if (latitudeText is null) return new(null, null, latitudeField, "is empty while the longitude is given");
        if (longitudeText is null) return new(null, null, longitudeField, "is empty while the latitude is given");
        if (!double.TryParse(latitudeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || !double.IsFinite(lat))
            return new(null, null, latitudeField, $"'{latitudeText}' is not a number");
        if (!double.TryParse(longitudeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || !double.IsFinite(lon))
            return new(null, null, longitudeField, $"'{longitudeText}' is not a number");
        if (lat is < -90 or > 90) return new(null, null, latitudeField, $"{latitudeText} is outside -90..90");
        if (lon is < -180 or > 180) return new(null, null, longitudeField, $"{longitudeText} is outside -180..180");
        return new(lat, lon, null, null);
    }
}

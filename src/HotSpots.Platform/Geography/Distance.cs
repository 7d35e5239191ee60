namespace HotSpots.Platform.Geography;

/// <summary>Great-circle distances on the WGS84 sphere approximation.</summary>
public static class Distance
{
    private const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Haversine distance in metres between two WGS84 positions.</summary>
    public static double Metres(GeoPoint a, GeoPoint b)
    {
        var dLat = ToRadians(b.Latitude - a.Latitude);
        var dLon = ToRadians(b.Longitude - a.Longitude);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(ToRadians(a.Latitude)) * Math.Cos(ToRadians(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}

using System.Globalization;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Tasking.Contracts;

/// <summary>The hand-off to the phone's own maps app, carrying the destination's latitude and longitude.</summary>
public static class NavigateLink
{
    public static string For(string? userAgent, GeoPoint destination, string name)
    {
        var lat = destination.Latitude.ToString("0.######", CultureInfo.InvariantCulture);
        var lon = destination.Longitude.ToString("0.######", CultureInfo.InvariantCulture);
        var ua = userAgent ?? "";
        if (ua.Contains("Android", StringComparison.OrdinalIgnoreCase))
            return $"geo:{lat},{lon}?q={lat},{lon}({Uri.EscapeDataString(name)})";
        if (ua.Contains("iPhone", StringComparison.OrdinalIgnoreCase) || ua.Contains("iPad", StringComparison.OrdinalIgnoreCase))
            return $"https://maps.apple.com/?daddr={lat},{lon}&dirflg=w";
        return $"https://www.google.com/maps/dir/?api=1&destination={lat},{lon}&travelmode=walking";
    }
}

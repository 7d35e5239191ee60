namespace HotSpots.Web;

/// <summary>Settings section "Map": where the map tiles come from. Overlays show even when tiles cannot be reached.</summary>
internal static class MapSettings
{
    public static string TileUrl(IConfiguration configuration) =>
        configuration["Map:TileUrl"] ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public static string TileAttribution(IConfiguration configuration) =>
        configuration["Map:TileAttribution"] ?? "© OpenStreetMap contributors";
}

using System.Text.Json;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Platform.Geography;
using HotSpots.Modules.Hotspots.Engine;
using NetTopologySuite.IO;

namespace HotSpots.Modules.Hotspots.Data;

internal static class HotspotJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(HotspotWhy why) => JsonSerializer.Serialize(why, Options);

    public static HotspotWhy Read(string json) => JsonSerializer.Deserialize<HotspotWhy>(json, Options)
        ?? throw new InvalidDataException("A hot spot's reasons are missing.");
}

internal static class HotspotMapping
{
    public static HotspotSetSummary Summary(HotspotSet set) => new(
        set.Id, set.Status, set.CreatedUtc, set.PublishedUtc, set.TrainingFromUtc, set.TrainingToUtc, set.Spots.Count, set.Method);

    public static PublishedHotspot Published(Hotspot spot, Func<double, double, GeoPoint> unproject) => new(
        spot.Id, spot.SetId, spot.Rank, spot.Name, new GeoPoint(spot.CentreLatitude, spot.CentreLongitude),
        ExteriorRing.Of(new WKBReader().Read(spot.PolygonWkb)).Select(c => unproject(c.X, c.Y)).ToList(),
        spot.AreaSquareMetres, spot.Harm, spot.CrimeCount, HotspotJson.Read(spot.WhyJson), spot.Briefing);
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Tasking.Contracts;

namespace HotSpots.Web.Api;

/// <summary>
/// The "near me" answer, written straight to the response: [{"id", "rank", "name", "lat", "lon", "why", "outline"
/// ([[lat, lon], …] to 6 decimals), "distanceMetres", "assigned", "owedMinutes", "peakNow", "lastVisitUtc"}, …].
/// A spot's name, reason and outline change only when a set is published, so they are encoded once per published
/// spot; most of an answer is outlines, and this is the request every phone sends most often.
/// </summary>
internal static class NearMeJson
{
    private static readonly ConditionalWeakTable<PublishedHotspot, Fixed> Encoded = new();
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id"), Rank = JsonEncodedText.Encode("rank"),
        Name = JsonEncodedText.Encode("name"), Lat = JsonEncodedText.Encode("lat"), Lon = JsonEncodedText.Encode("lon"),
        Why = JsonEncodedText.Encode("why"), Outline = JsonEncodedText.Encode("outline"),
        Distance = JsonEncodedText.Encode("distanceMetres"), Assigned = JsonEncodedText.Encode("assigned"),
        Owed = JsonEncodedText.Encode("owedMinutes"), PeakNow = JsonEncodedText.Encode("peakNow"),
        LastVisit = JsonEncodedText.Encode("lastVisitUtc");

    public static async Task WriteAsync(HttpResponse response, IReadOnlyList<NearbySpot> spots, CancellationToken cancellationToken)
    {
        response.ContentType = "application/json; charset=utf-8";
        await using (var json = new Utf8JsonWriter(response.BodyWriter))
        {
            json.WriteStartArray();
            foreach (var nearby in spots) Write(json, nearby);
            json.WriteEndArray();
        }
        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    private static void Write(Utf8JsonWriter json, NearbySpot nearby)
    {
        var spot = nearby.Spot;
        var encoded = Encoded.GetValue(spot, s => new Fixed(s));
        json.WriteStartObject();
        json.WriteNumber(Id, spot.Id);
        json.WriteNumber(Rank, spot.Rank);
        json.WriteString(Name, encoded.Name);
        json.WriteNumber(Lat, spot.Centre.Latitude);
        json.WriteNumber(Lon, spot.Centre.Longitude);
        json.WriteString(Why, encoded.Why);
        json.WritePropertyName(Outline);
        json.WriteRawValue(encoded.Outline, skipInputValidation: true);
        json.WriteNumber(Distance, Math.Round(nearby.DistanceMetres));
        json.WriteBoolean(Assigned, nearby.AssignedToYourTeam);
        json.WriteNumber(Owed, Math.Round(nearby.Need.OwedMinutes));
        json.WriteBoolean(PeakNow, nearby.Need.PeakNow);
        if (nearby.Need.LastVisitUtc is { } lastVisit) json.WriteString(LastVisit, lastVisit);
        else json.WriteNull(LastVisit);
        json.WriteEndObject();
    }

    private sealed class Fixed(PublishedHotspot spot)
    {
        public JsonEncodedText Name { get; } = JsonEncodedText.Encode(spot.Name);
        public JsonEncodedText Why { get; } = JsonEncodedText.Encode(spot.Why.Summary);
        public byte[] Outline { get; } = JsonSerializer.SerializeToUtf8Bytes(spot.Outline.Select(p => new[] { Math.Round(p.Latitude, 6), Math.Round(p.Longitude, 6) }));
    }
}

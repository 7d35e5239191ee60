using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using HotSpots.Modules.Hotspots.Contracts;

namespace HotSpots.Web.Api;

/// <summary>
/// A spot's outline as JSON ([[lat, lon], …] to 6 decimals), written once per published spot and reused by every
/// "near me" answer: most of such an answer is outlines, and they change only when a set is published.
/// </summary>
[JsonConverter(typeof(Converter))]
internal sealed class OutlineJson
{
    private static readonly ConditionalWeakTable<PublishedHotspot, OutlineJson> Written = new();
    private readonly string _json;

    private OutlineJson(string json) => _json = json;

    public static OutlineJson Of(PublishedHotspot spot) => Written.GetValue(spot, s =>
        new OutlineJson(JsonSerializer.Serialize(s.Outline.Select(p => new[] { Math.Round(p.Latitude, 6), Math.Round(p.Longitude, 6) }))));

    private sealed class Converter : JsonConverter<OutlineJson>
    {
        public override OutlineJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("An outline is only ever written.");

        public override void Write(Utf8JsonWriter writer, OutlineJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value._json, skipInputValidation: true);
    }
}

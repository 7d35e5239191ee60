using System.Text.Json;
using HotSpots.Platform.Data;
using HotSpots.Platform.Settings;
using Microsoft.Extensions.Configuration;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;

namespace HotSpots.Modules.Ingestion.Area;

/// <summary>
/// The force area, when one is configured: a GeoJSON file of (multi)polygons in WGS84, or a folder of them whose
/// union is the area (e.g. the local authorities that make up a force). Positions outside it are kept and flagged.
/// The file is the setting "Ingestion:BoundaryFile" (settings store first, then appsettings).
/// </summary>
internal sealed class ForceBoundary(IConfiguration configuration, DatabaseSettings database)
{
    public const string SettingKey = "Ingestion:BoundaryFile";

    private readonly Lock _gate = new();
    private (string Path, DateTime Written, IPreparedGeometry Area)? _loaded;

    /// <summary>The area to check against, or null when no boundary is configured.</summary>
    public async Task<IPreparedGeometry?> AreaAsync(ISettingsStore settings, CancellationToken cancellationToken)
    {
        var configured = await settings.GetAsync<string?>(SettingKey, configuration[SettingKey], cancellationToken);
        if (string.IsNullOrWhiteSpace(configured)) return null;
        var path = Path.GetFullPath(configured, database.DataDirectory);
        var written = Directory.Exists(path) ? Directory.GetLastWriteTimeUtc(path) : File.GetLastWriteTimeUtc(path);
        lock (_gate)
        {
            if (_loaded is { } hit && hit.Path == path && hit.Written == written) return hit.Area;
            var area = PreparedGeometryFactory.Prepare(Read(path));
            _loaded = (path, written, area);
            return area;
        }
    }

    /// <summary>Reads the polygons of a GeoJSON file or folder; throws with the file and the reason when it cannot.</summary>
    public static Geometry Read(string path)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.geojson").Concat(Directory.GetFiles(path, "*.json")).Order().ToArray()
            : File.Exists(path) ? [path]
            : throw new InvalidOperationException($"The force boundary {path} (setting {SettingKey}) does not exist.");
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        var polygons = new List<Geometry>();
        foreach (var file in files)
        {
            try
            {
                using var stream = File.OpenRead(file);
                var root = JsonSerializer.Deserialize<JsonElement>(stream);
                var geometries = root.TryGetProperty("type", out var type) && type.GetString() == "FeatureCollection"
                    ? root.Deserialize<FeatureCollection>(options)!.Select(f => f.Geometry)
                    : root.TryGetProperty("type", out type) && type.GetString() == "Feature"
                        ? [root.Deserialize<IFeature>(options)!.Geometry]
                        : [root.Deserialize<Geometry>(options)!];
                polygons.AddRange(geometries.Where(g => g is Polygon or MultiPolygon));
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                // ArgumentException: the GeoJSON reader's answer to a "type" it does not know.
                throw new InvalidOperationException($"The force boundary {Path.GetFileName(file)} is not GeoJSON: {e.Message}");
            }
        }
        if (polygons.Count == 0) throw new InvalidOperationException($"The force boundary {path} holds no polygons.");
        var union = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(polygons.Select(p => p.IsValid ? p : p.Buffer(0)).ToList());
        return union;
    }
}

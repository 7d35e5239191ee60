using System.Globalization;
using System.Text;
using System.Text.Json;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Platform.Geography;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace HotSpots.Modules.Hotspots.Places;

/// <summary>A place read from the force's file: name, kind, shape in projected metres, a point inside it, and the radius for a point.</summary>
internal sealed record ReadPlace(string Name, PlaceKind Kind, Geometry Shape, double Latitude, double Longitude, double? RadiusMetres);

/// <summary>
/// Reads the force's list of places (docs/data-formats.md): a CSV with the header <c>name,kind,latitude,longitude,radius_m</c>
/// (radius optional), or GeoJSON features (points, polygons, multipolygons) with the properties <c>name</c>, <c>kind</c> and,
/// for a point, <c>radius_m</c>. Every problem is reported with its row or feature; a file with any problem is refused whole.
/// </summary>
internal static class PlacesFile
{
    public const double DefaultRadius = 100;
    public const double MinRadius = 10;
    public const double MaxRadius = 2000;
    public const int MaxPlaces = 5000;
    private static readonly GeometryFactory Factory = new();

    public static (IReadOnlyList<ReadPlace> Places, IReadOnlyList<string> Problems) Read(string text, string fileName, IMetricProjection projection)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.Length == 0) return ([], [$"{fileName} is empty."]);
        var geoJson = trimmed[0] == '{' || fileName.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var (places, problems) = geoJson ? ReadGeoJson(trimmed, fileName, projection) : ReadCsv(trimmed, fileName, projection);
        if (problems.Count == 0 && places.Count == 0) problems.Add($"{fileName} holds no places.");
        if (places.Count > MaxPlaces) problems.Add($"{fileName} holds {places.Count:N0} places; at most {MaxPlaces:N0} are allowed.");
        return (places, problems);
    }

    public static PlaceKind? ParseKind(string? text)
    {
        var code = (text ?? "").Trim().Replace('_', '-').Replace(' ', '-').ToLowerInvariant();
        foreach (var kind in PlaceKinds.All)
            if (PlaceKinds.Code(kind) == code) return kind;
        return null;
    }

    private static string KindList => string.Join(", ", PlaceKinds.All.Select(PlaceKinds.Code));

    private static (List<ReadPlace>, List<string>) ReadCsv(string text, string fileName, IMetricProjection projection)
    {
        var places = new List<ReadPlace>();
        var problems = new List<string>();
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = Fields(lines[0]).Select(h => h.Replace(" ", "").ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name);
        int name = Column("name"), kind = Column("kind"), lat = Column("latitude"), lon = Column("longitude"), radius = Column("radius_m");
        var missing = new[] { ("name", name), ("kind", kind), ("latitude", lat), ("longitude", lon) }.Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{fileName}: the header has no {string.Join(", ", missing)} column (expected name,kind,latitude,longitude,radius_m).");
            return (places, problems);
        }
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var row = i + 1;
            var fields = Fields(lines[i]);
            string Field(int column) => column >= 0 && column < fields.Count ? fields[column].Trim() : "";
            var where = $"{fileName} line {row}";
            var problem = Check(Field(name), Field(kind), where, out var placeKind);
            var latOk = TryNumber(Field(lat), out var latitude);
            var lonOk = TryNumber(Field(lon), out var longitude);
            if (!latOk || !lonOk || latitude is < -90 or > 90 || longitude is < -180 or > 180)
                problem ??= $"{where}: \"{Field(lat)}, {Field(lon)}\" is not a latitude and longitude.";
            double? r = DefaultRadius;
            if (Field(radius) is { Length: > 0 } radiusText)
                r = TryNumber(radiusText, out var parsed) ? parsed : double.NaN;
            if (r is not { } rr || double.IsNaN(rr) || rr < MinRadius || rr > MaxRadius)
                problem ??= $"{where}: radius_m \"{Field(radius)}\" must be a number of metres between {MinRadius:0} and {MaxRadius:0}.";
            if (problem is not null) { problems.Add(problem); continue; }
            places.Add(Circle(Field(name), placeKind!.Value, latitude, longitude, r!.Value, projection));
        }
        return (places, problems);
    }

    private static (List<ReadPlace>, List<string>) ReadGeoJson(string text, string fileName, IMetricProjection projection)
    {
        var places = new List<ReadPlace>();
        var problems = new List<string>();
        FeatureCollection features;
        try
        {
            var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
            var root = JsonSerializer.Deserialize<JsonElement>(text);
            if (!root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection")
            {
                problems.Add($"{fileName}: GeoJSON places must be a FeatureCollection, each feature with the properties name and kind.");
                return (places, problems);
            }
            features = root.Deserialize<FeatureCollection>(options)!;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            problems.Add($"{fileName} is not GeoJSON: {e.Message}");
            return (places, problems);
        }
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            var where = $"{fileName} feature {i + 1}";
            var attributes = feature.Attributes;
            string Text(string key) => attributes is not null && attributes.Exists(key) ? Convert.ToString(attributes[key], CultureInfo.InvariantCulture)?.Trim() ?? "" : "";
            var problem = Check(Text("name"), Text("kind"), where, out var kind);
            if (problem is not null) { problems.Add(problem); continue; }
            switch (feature.Geometry)
            {
                case Point point:
                    double radius = DefaultRadius;
                    if (Text("radius_m") is { Length: > 0 } radiusText && (!TryNumber(radiusText, out radius) || radius < MinRadius || radius > MaxRadius))
                    {
                        problems.Add($"{where} ({Text("name")}): radius_m \"{radiusText}\" must be a number of metres between {MinRadius:0} and {MaxRadius:0}.");
                        continue;
                    }
                    if (point.Y is < -90 or > 90 || point.X is < -180 or > 180)
                    {
                        problems.Add($"{where} ({Text("name")}): the point is not a longitude and latitude.");
                        continue;
                    }
                    places.Add(Circle(Text("name"), kind!.Value, point.Y, point.X, radius, projection));
                    break;
                case Polygon or MultiPolygon:
                    var wgs = feature.Geometry;
                    if (wgs.Coordinates.Any(c => c.Y is < -90 or > 90 || c.X is < -180 or > 180))
                    {
                        problems.Add($"{where} ({Text("name")}): a corner is not a longitude and latitude.");
                        continue;
                    }
                    var shape = wgs.Copy();
                    shape.Apply(new ProjectFilter(projection));
                    shape.GeometryChanged();
                    if (!shape.IsValid) shape = shape.Buffer(0);
                    if (shape.Area < 1)
                    {
                        problems.Add($"{where} ({Text("name")}): the area is empty.");
                        continue;
                    }
                    var inside = wgs.InteriorPoint;
                    places.Add(new ReadPlace(Text("name"), kind!.Value, shape, inside.Y, inside.X, null));
                    break;
                default:
                    problems.Add($"{where} ({Text("name")}): a place is a Point, Polygon or MultiPolygon, not {feature.Geometry?.GeometryType ?? "nothing"}.");
                    break;
            }
        }
        return (places, problems);
    }

    private static string? Check(string name, string kindText, string where, out PlaceKind? kind)
    {
        kind = ParseKind(kindText);
        if (name.Length is 0 or > 200) return $"{where}: give the place a name of at most 200 characters.";
        if (kind is null) return $"{where} ({name}): kind \"{kindText}\" is not one of {KindList}.";
        return null;
    }

    private static ReadPlace Circle(string name, PlaceKind kind, double latitude, double longitude, double radius, IMetricProjection projection)
    {
        var at = projection.Project(latitude, longitude);
        return new ReadPlace(name, kind, Factory.CreatePoint(new Coordinate(at.X, at.Y)).Buffer(radius, 16), latitude, longitude, radius);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>The fields of a CSV line; a field in double quotes may hold commas and doubled quotes.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>Projects longitude/latitude coordinates to metres in place.</summary>
    private sealed class ProjectFilter(IMetricProjection projection) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var at = projection.Project(seq.GetY(i), seq.GetX(i));
            seq.SetX(i, at.X);
            seq.SetY(i, at.Y);
        }
    }
}

using System.Globalization;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Reading;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>The text fields of one force record or mapped row, validated into a <see cref="CrimeRecord"/>.</summary>
internal sealed class CrimeFields
{
    private static readonly HashSet<string> Roles = new(["suspect", "offender", "victim", "witness"], StringComparer.OrdinalIgnoreCase);

    public string? Reference { get; set; }
    public string? OffenceCode { get; set; }
    public string? Category { get; set; }
    public string? OccurredFrom { get; set; }
    public string? OccurredTo { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Easting { get; set; }
    public string? Northing { get; set; }
    public string? Location { get; set; }
    public string? People { get; set; }
    public string? Outcome { get; set; }
    public string? AreaCode { get; set; }

    public CrimeRecord? ToRecord(ProfileRules rules, IMetricProjection projection, out string? field, out string? reason)
    {
        field = reason = null;
        string Name(string f) => rules.ColumnOf(f);
        CrimeRecord? Fail(string f, string why, out string? fieldOut, out string? reasonOut)
        {
            fieldOut = Name(f);
            reasonOut = why;
            return null;
        }

        foreach (var (name, text) in Texts())
            if (FieldChecks.LooksLikeFormula(text)) return Fail(name, FieldChecks.FormulaReason(text!), out field, out reason);
        if (Reference is null) return Fail(ProfileFields.Reference, "is empty", out field, out reason);
        if (Reference.Length > 128) return Fail(ProfileFields.Reference, "is longer than 128 characters", out field, out reason);
        if (Category is null) return Fail(ProfileFields.Category, "is empty", out field, out reason);
        if (!rules.TryParseLocal(OccurredFrom, out var from, out var hasTime))
            return Fail(ProfileFields.OccurredFrom, $"'{Clip(OccurredFrom)}' is not a date and time ({string.Join(" or ", rules.Formats.Take(2))})", out field, out reason);
        DateTime? toUtc = null;
        if (OccurredTo is not null)
        {
            if (!rules.TryParseLocal(OccurredTo, out var to, out _))
                return Fail(ProfileFields.OccurredTo, $"'{Clip(OccurredTo)}' is not a date and time ({string.Join(" or ", rules.Formats.Take(2))})", out field, out reason);
            if (to < from) return Fail(ProfileFields.OccurredTo, $"is before {Name(ProfileFields.OccurredFrom)}", out field, out reason);
            toUtc = rules.ToUtc(to);
        }

        double? latitude = null, longitude = null;
        if (Latitude is not null || Longitude is not null)
        {
            if (Latitude is null) return Fail(ProfileFields.Latitude, "is empty while the longitude is given", out field, out reason);
            if (Longitude is null) return Fail(ProfileFields.Longitude, "is empty while the latitude is given", out field, out reason);
            if (!TryNumber(Latitude, out var lat)) return Fail(ProfileFields.Latitude, $"'{Clip(Latitude)}' is not a number", out field, out reason);
            if (!TryNumber(Longitude, out var lon)) return Fail(ProfileFields.Longitude, $"'{Clip(Longitude)}' is not a number", out field, out reason);
            if (lat is < -90 or > 90) return Fail(ProfileFields.Latitude, $"{Clip(Latitude)} is outside -90..90", out field, out reason);
            if (lon is < -180 or > 180) return Fail(ProfileFields.Longitude, $"{Clip(Longitude)} is outside -180..180", out field, out reason);
            (latitude, longitude) = (lat, lon);
        }
        else if (Easting is not null || Northing is not null)
        {
            if (Easting is null) return Fail(ProfileFields.Easting, "is empty while the northing is given", out field, out reason);
            if (Northing is null) return Fail(ProfileFields.Northing, "is empty while the easting is given", out field, out reason);
            if (!TryNumber(Easting, out var x) || x is < -1e7 or > 1e7)
                return Fail(ProfileFields.Easting, $"'{Clip(Easting)}' is not an easting in metres on the {projection.Name} grid", out field, out reason);
            if (!TryNumber(Northing, out var y) || y is < -1e7 or > 1e7)
                return Fail(ProfileFields.Northing, $"'{Clip(Northing)}' is not a northing in metres on the {projection.Name} grid", out field, out reason);
            var point = projection.Unproject(x, y);
            if (!point.IsValid) return Fail(ProfileFields.Easting, $"{Clip(Easting)},{Clip(Northing)} is not a position on the {projection.Name} grid", out field, out reason);
            (latitude, longitude) = (point.Latitude, point.Longitude);
        }

        var links = new List<(string, string)>();
        foreach (var entry in (People ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length is 0 or > 64 || !Roles.Contains(parts[1]))
                return Fail(ProfileFields.People, $"'{Clip(entry)}' is not 'person-id:role' with role suspect, offender, victim or witness", out field, out reason);
            links.Add((parts[0], parts[1].ToLowerInvariant()));
        }

        var category = rules.MapCategory(Category);
        if (category.Length > 128) return Fail(ProfileFields.Category, "is longer than 128 characters", out field, out reason);
        var content = new RowHash();
        foreach (var (_, text) in Texts()) content.Add(text);
        content.Add(category);
        return new CrimeRecord
        {
            Source = rules.Source,
            SourceKey = Reference,
            ContentHash = content.Value,
            Reference = Reference,
            Category = category,
            OffenceCode = OffenceCode,
            OccurredFromUtc = rules.ToUtc(from),
            OccurredToUtc = toUtc,
            HasTimeOfDay = hasTime,
            Latitude = latitude,
            Longitude = longitude,
            Location = Location,
            AreaCode = AreaCode,
            Outcome = Outcome,
            People = links,
        };
    }

    private IEnumerable<(string Field, string? Text)> Texts() =>
    [
        (ProfileFields.Reference, Reference), (ProfileFields.OffenceCode, OffenceCode), (ProfileFields.Category, Category),
        (ProfileFields.OccurredFrom, OccurredFrom), (ProfileFields.OccurredTo, OccurredTo), (ProfileFields.Latitude, Latitude),
        (ProfileFields.Longitude, Longitude), (ProfileFields.Easting, Easting), (ProfileFields.Northing, Northing),
        (ProfileFields.Location, Location), (ProfileFields.People, People), (ProfileFields.Outcome, Outcome), (ProfileFields.AreaCode, AreaCode),
    ];

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string Clip(string? text) => FieldChecks.Clip(text ?? "", 80);
}

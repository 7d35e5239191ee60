namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>
/// How to read a CSV that is not in one of the built-in formats: which column holds each field, how its dates
/// are written and in which time zone, and how its crime types map to categories. Saved once, reused by name.
/// </summary>
/// <param name="Name">Unique name, used as --profile NAME and in the upload form.</param>
/// <param name="Source">Source name stored with each record; a reference is unique within its source.</param>
/// <param name="TimeZone">IANA time zone of the dates (e.g. America/Chicago); empty means the force's time zone.</param>
/// <param name="DateFormats">.NET exact date formats tried in order, e.g. "MM/dd/yyyy hh:mm:ss tt".</param>
/// <param name="Columns">Field (see <see cref="ProfileFields"/>) to column name in the file's header.</param>
/// <param name="CategoryMap">Value of the category column to crime category; "*" maps every other value.</param>
public sealed record MappingProfile(
    string Name,
    string Description,
    string Source,
    string TimeZone,
    IReadOnlyList<string> DateFormats,
    IReadOnlyDictionary<string, string> Columns,
    IReadOnlyDictionary<string, string> CategoryMap)
{
    /// <summary>Shipped with HotSpots (changes are kept, and a deleted one comes back on the next start).</summary>
    public bool BuiltIn { get; init; }

    public string? ChangedBy { get; init; }

    public DateTime? ChangedUtc { get; init; }
}

/// <summary>The fields a profile can map, with the three that every row needs.</summary>
public static class ProfileFields
{
    public const string Reference = "reference";
    public const string OffenceCode = "offence_code";
    public const string Category = "category";
    public const string OccurredFrom = "occurred_from";
    public const string OccurredTo = "occurred_to";
    public const string Latitude = "latitude";
    public const string Longitude = "longitude";
    public const string Easting = "easting";
    public const string Northing = "northing";
    public const string Location = "location";
    public const string People = "people";
    public const string Outcome = "outcome";
    public const string AreaCode = "area_code";

    public static readonly IReadOnlyList<string> All =
        [Reference, OffenceCode, Category, OccurredFrom, OccurredTo, Latitude, Longitude, Easting, Northing, Location, People, Outcome, AreaCode];

    public static readonly IReadOnlyList<string> Required = [Reference, Category, OccurredFrom];
}

/// <summary>A profile that cannot be saved as given, with the reason.</summary>
public sealed class ProfileException(string message) : InvalidOperationException(message);

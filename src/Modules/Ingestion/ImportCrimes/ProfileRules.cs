using System.Globalization;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>A mapping profile made ready for reading: its time zone found, its category map indexed.</summary>
internal sealed class ProfileRules
{
    /// <summary>The force records format (docs/data-formats.md): ISO local date-times in the force's time zone.</summary>
    public static readonly string[] IsoFormats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];

    private readonly Dictionary<string, string> _categories;
    private readonly string? _otherCategory;
    private readonly bool[] _formatHasTime;

    private ProfileRules(MappingProfile profile, TimeZoneInfo zone)
    {
        Profile = profile;
        Zone = zone;
        Formats = [.. profile.DateFormats];
        _formatHasTime = Formats.Select(f => f.Contains('H') || f.Contains('h')).ToArray();
        _categories = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, category) in profile.CategoryMap)
            if (value == "*") _otherCategory = category;
            else _categories[value.Trim()] = category;
    }

    public MappingProfile Profile { get; }

    public string Source => Profile.Source;

    public TimeZoneInfo Zone { get; }

    public string[] Formats { get; }

    /// <summary>The column a field is read from, for messages that name what the analyst sees in the file.</summary>
    public string ColumnOf(string field) => Profile.Columns.TryGetValue(field, out var column) ? column : field;

    public static ProfileRules ForceRecords(ForceOptions force) => new(ForceRecordsProfile, force.TimeZoneInfo);

    public static readonly MappingProfile ForceRecordsProfile = new(
        "force-records", "The HotSpots force records format", "force", "",
        IsoFormats, ProfileFields.All.ToDictionary(f => f, f => f), new Dictionary<string, string>()) { BuiltIn = true };

    /// <summary>Checks a profile and prepares it; throws <see cref="ProfileException"/> saying what is wrong.</summary>
    public static ProfileRules From(MappingProfile profile, ForceOptions force)
    {
        if (string.IsNullOrWhiteSpace(profile.Name)) throw new ProfileException("A profile needs a name.");
        if (string.IsNullOrWhiteSpace(profile.Source) || profile.Source.Length > 32)
            throw new ProfileException($"Profile {profile.Name}: the source name must be 1 to 32 characters.");
        foreach (var field in ProfileFields.Required)
            if (!profile.Columns.TryGetValue(field, out var column) || string.IsNullOrWhiteSpace(column))
                throw new ProfileException($"Profile {profile.Name}: map a column to '{field}' (required).");
        foreach (var field in profile.Columns.Keys)
            if (!ProfileFields.All.Contains(field))
                throw new ProfileException($"Profile {profile.Name}: '{field}' is not a field HotSpots knows ({string.Join(", ", ProfileFields.All)}).");
        if (profile.DateFormats.Count == 0) throw new ProfileException($"Profile {profile.Name}: give at least one date format.");
        foreach (var format in profile.DateFormats)
            try { _ = new DateTime(2021, 3, 4, 5, 6, 7).ToString(format, CultureInfo.InvariantCulture); }
            catch (FormatException) { throw new ProfileException($"Profile {profile.Name}: '{format}' is not a date format."); }
        TimeZoneInfo zone;
        try { zone = string.IsNullOrWhiteSpace(profile.TimeZone) ? force.TimeZoneInfo : TimeZoneInfo.FindSystemTimeZoneById(profile.TimeZone); }
        catch (TimeZoneNotFoundException) { throw new ProfileException($"Profile {profile.Name}: '{profile.TimeZone}' is not a time zone (use an IANA name such as Europe/London)."); }
        return new ProfileRules(profile, zone);
    }

    /// <summary>Parses a local date-time with the profile's formats; says whether the format carried a time of day.</summary>
    public bool TryParseLocal(string? text, out DateTime local, out bool hasTime)
    {
        local = default;
        hasTime = false;
        if (text is null) return false;
        for (var i = 0; i < Formats.Length; i++)
            if (DateTime.TryParseExact(text, Formats[i], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out local) && local.Year is >= 1900 and <= 2200)
            {
                hasTime = _formatHasTime[i];
                return true;
            }
        return false;
    }

    /// <summary>
    /// Local wall-clock time to UTC. Ambiguous times (clocks going back) take the standard offset; times that do not
    /// exist (clocks going forward) move forward by an hour, as a clock would show them.
    /// </summary>
    public DateTime ToUtc(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(wall)) wall = wall.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(wall, Zone);
    }

    public string MapCategory(string value) =>
        _categories.TryGetValue(value, out var mapped) ? mapped : _otherCategory ?? value;
}

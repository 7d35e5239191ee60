using Microsoft.Extensions.Configuration;

namespace HotSpots.Platform;

/// <summary>
/// Who runs this instance, in which time zone its records are kept, when its police day and shifts start, and where its
/// map tiles come from. One object for the whole process, read by every module: its values are the force's settings as
/// saved on the set-up page (<see cref="ForceSettings"/>, kept in the database), over the settings section "Force" and
/// "Map" of the configuration until a set-up is saved. A saved change replaces the values at once on the node that saved
/// it and, through the revision of the setting, on every other node at its next request (or within seconds when idle);
/// readers see one whole set of values, never half of an old one and half of a new one.
/// </summary>
public sealed class ForceOptions
{
    // The values and their time zone, replaced together.
    private volatile InForce _now;

    public ForceOptions() : this(ForceValues.Default) { }

    public ForceOptions(ForceValues values) => _now = new InForce(values, values.Zone());

    /// <summary>The values in force now.</summary>
    public ForceValues Values => _now.Values;

    /// <summary>The force's name ("HotSpots" until the set-up page gives one).</summary>
    public string Name
    {
        get => Values.Name is { Length: > 0 } name ? name : "HotSpots";
        init => Replace(Values with { Name = value });
    }

    /// <summary>IANA time zone of the force's local times (records, police days, peak hours).</summary>
    public string TimeZone
    {
        get => Values.TimeZone;
        init => Replace(Values with { TimeZone = value });
    }

    /// <summary>Hour at which a police day starts (e.g. 6: a day runs 06:00 to 05:59).</summary>
    public int PoliceDayStartHour
    {
        get => Values.PoliceDayStartHour;
        init => Replace(Values with { PoliceDayStartHour = value });
    }

    /// <summary>The shifts of a police day, in local hours (a shift may run past midnight).</summary>
    public IReadOnlyList<ForceShift> Shifts => Values.Shifts;

    /// <summary>The map tiles' URL template, or empty for none (outlines on a plain background).</summary>
    public string TileUrl => Values.TileUrl;

    public string TileAttribution => Values.TileAttribution;

    /// <summary>Whether the force's settings have been saved on the set-up page (or by the demo).</summary>
    public bool IsSetUp => Values.SetUpUtc is not null;

    public TimeZoneInfo TimeZoneInfo => _now.Zone;

    /// <summary>Puts <paramref name="values"/> in force for every reader of this object.</summary>
    public void Replace(ForceValues values) => _now = new InForce(values, values.Zone());

    private sealed record InForce(ForceValues Values, TimeZoneInfo Zone);

    public static ForceOptions From(IConfiguration configuration) => new(ForceValues.From(configuration));

    /// <summary>
    /// Converts a local wall-clock time of the force to UTC. Ambiguous times (clocks going back) take the standard
    /// offset; times that do not exist (clocks going forward) are moved forward by the gap, as a clock would show them.
    /// </summary>
    public DateTime LocalToUtc(DateTime local)
    {
        var zone = TimeZoneInfo;
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall)) wall = wall.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(wall, zone);
    }

    public DateTime UtcToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo);

    /// <summary>The start (UTC) of the police day that contains <paramref name="utc"/>.</summary>
    public DateTime PoliceDayStartUtc(DateTime utc)
    {
        var local = UtcToLocal(utc);
        var start = local.Date.AddHours(PoliceDayStartHour);
        if (local < start) start = start.AddDays(-1);
        return LocalToUtc(start);
    }

    /// <summary>The police day (by the local date it starts on) that contains <paramref name="utc"/>.</summary>
    public DateOnly PoliceDay(DateTime utc) => DateOnly.FromDateTime(UtcToLocal(PoliceDayStartUtc(utc)));

    /// <summary>The start (UTC) of a police day.</summary>
    public DateTime PoliceDayStartUtc(DateOnly policeDay) => LocalToUtc(policeDay.ToDateTime(new TimeOnly(PoliceDayStartHour, 0)));

    /// <summary>The shift that contains a local hour (shifts may run past midnight); the first shift when none does.</summary>
    public ForceShift ShiftAt(int localHour)
    {
        var shifts = Shifts;
        return shifts.FirstOrDefault(s => s.Contains(localHour)) ?? shifts[0];
    }
}

/// <summary>A shift of the police day, from <see cref="StartHour"/> to <see cref="EndHour"/> local time (may pass midnight).</summary>
public sealed record ForceShift(string Name, int StartHour, int EndHour)
{
    public bool Contains(int localHour) =>
        StartHour <= EndHour ? localHour >= StartHour && localHour < EndHour : localHour >= StartHour || localHour < EndHour;
}

/// <summary>One whole set of the force's settings (see <see cref="ForceOptions"/>).</summary>
public sealed record ForceValues
{
    public const string PublicOsmTiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string Name { get; init; } = "";
    public string TimeZone { get; init; } = "Europe/London";
    public int PoliceDayStartHour { get; init; } = 6;
    public IReadOnlyList<ForceShift> Shifts { get; init; } = DefaultShifts;
    public string TileUrl { get; init; } = "";
    public string TileAttribution { get; init; } = "";

    /// <summary>
    /// The kinds of activity an officer logs on patrol with one tap, in the order offered. Removing a kind keeps the
    /// entries already logged with it (they are counted under their own name).
    /// </summary>
    public IReadOnlyList<string> ActivityKinds { get; init; } = DefaultActivityKinds;

    /// <summary>
    /// Whoever saved these values read what OpenStreetMap's public tile server would learn and accepted it (only for a
    /// demonstration: its tile usage policy does not allow an app's users to load it). Without it that server is refused.
    /// </summary>
    public bool PublicTilesAccepted { get; init; }

    /// <summary>When the set-up was last saved (null: never; the values are the configuration's).</summary>
    public DateTime? SetUpUtc { get; init; }

    public static readonly IReadOnlyList<ForceShift> DefaultShifts = [new("Early", 7, 15), new("Late", 15, 23), new("Night", 23, 7)];

    public static readonly IReadOnlyList<string> DefaultActivityKinds =
        ["Stop and account", "Stop and search", "Arrest", "Community engagement", "Licensed premises check", "Other"];

    /// <summary>The most activity kinds a force may have (each is a button on the patrol screen) and the longest label.</summary>
    public const int MaxActivityKinds = 20, MaxActivityKindLength = 40;

    public static readonly ForceValues Default = new();

    /// <summary>The values of the configuration's sections "Force" (Name, TimeZone, PoliceDayStartHour, Shifts) and "Map" (TileUrl, TileAttribution).</summary>
    public static ForceValues From(IConfiguration configuration)
    {
        var force = configuration.GetSection("Force");
        var values = new ForceValues
        {
            Name = force["Name"] ?? Default.Name,
            TimeZone = force["TimeZone"] ?? Default.TimeZone,
            PoliceDayStartHour = force.GetValue("PoliceDayStartHour", Default.PoliceDayStartHour),
            Shifts = force.GetSection("Shifts").Get<List<ForceShift>>() is { Count: > 0 } shifts ? shifts : DefaultShifts,
            ActivityKinds = force.GetSection("ActivityKinds").Get<List<string>>() is { Count: > 0 } kinds ? kinds : DefaultActivityKinds,
            TileUrl = configuration["Map:TileUrl"] ?? Default.TileUrl,
            TileAttribution = configuration["Map:TileAttribution"] ?? Default.TileAttribution,
        };
        // The name may be missing until the set-up page is saved, and the tiles are the operator's own choice here;
        // anything else wrong stops the start.
        var problems = values.Problems().Where(p => p.Field != "Name" && !(p.Field == "TileUrl" && IsPublicOsm(values.TileUrl))).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException($"Settings \"Force\"/\"Map\": {problems[0].Message} (setting {problems[0].Field}).");
        return values;
    }

    internal TimeZoneInfo Zone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : throw new InvalidOperationException($"'{TimeZone}' is not a time zone.");

    /// <summary>What is wrong with these values, each with the field it is about (none when they can be used).</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return ("Name", "Give the force's name.");
        else if (Name.Length > 100) yield return ("Name", "The force's name is longer than 100 characters.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
            yield return ("TimeZone", $"'{TimeZone}' is not a time zone this server knows (use a name such as Europe/London).");
        if (PoliceDayStartHour is < 0 or > 23) yield return ("PoliceDayStartHour", "The police day starts at an hour from 0 to 23.");
        if (Shifts is null || Shifts.Count == 0) yield return ("Shifts", "Give at least one shift.");
        else
        {
            for (var i = 0; i < Shifts.Count; i++)
            {
                var shift = Shifts[i];
                if (string.IsNullOrWhiteSpace(shift.Name)) yield return ("Shifts", $"Shift {i + 1} has no name.");
                if (shift.StartHour is < 0 or > 23 || shift.EndHour is < 0 or > 24 || shift.StartHour == shift.EndHour)
                    yield return ("Shifts", $"Shift {i + 1} ('{shift.Name}') needs a start hour from 0 to 23 and a different end hour from 0 to 24.");
            }
            if (Shifts.GroupBy(s => s.Name.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
                yield return ("Shifts", $"Two shifts are called '{twice.Key}'.");
        }
        foreach (var problem in ActivityKindProblems(ActivityKinds)) yield return ("ActivityKinds", problem);
        if (!string.IsNullOrEmpty(TileUrl) && TileUrlProblem(TileUrl) is { } tiles) yield return ("TileUrl", tiles);
        else if (IsPublicOsm(TileUrl ?? "") && !PublicTilesAccepted) yield return ("TileUrl", PublicOsmWarning);
        if (!string.IsNullOrEmpty(TileUrl) && string.IsNullOrWhiteSpace(TileAttribution))
            yield return ("TileAttribution", "Give the credit line the tile provider asks for (for example \"© OpenStreetMap contributors\").");
    }

    /// <summary>What is wrong with a list of activity kinds: none, an empty one, one too long, one listed twice, or too many.</summary>
    public static IEnumerable<string> ActivityKindProblems(IReadOnlyList<string>? kinds)
    {
        if (kinds is null || kinds.Count == 0)
        {
            yield return "Give at least one activity kind (officers log what they did with one of them).";
            yield break;
        }
        if (kinds.Count > MaxActivityKinds)
            yield return $"There are {kinds.Count} activity kinds: give at most {MaxActivityKinds}, so that they fit on the patrol screen.";
        for (var i = 0; i < kinds.Count; i++)
        {
            var kind = kinds[i]?.Trim() ?? "";
            if (kind.Length == 0) yield return $"Activity kind {i + 1} is empty: give it a name or leave the line out.";
            else if (kind.Length > MaxActivityKindLength)
                yield return $"Activity kind {i + 1} ('{kind[..MaxActivityKindLength]}…') is {kind.Length} characters long: keep it to {MaxActivityKindLength}.";
        }
        foreach (var twice in kinds.Select(k => k?.Trim() ?? "").Where(k => k.Length > 0)
                     .GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            yield return $"The activity kind '{twice.Key}' is listed {twice.Count()} times: list each kind once.";
    }

    /// <summary>What the public OpenStreetMap tile server would learn, and why it is refused.</summary>
    public const string PublicOsmWarning =
        "This is OpenStreetMap's public tile server. Every tile a phone or desktop asks for would tell it, a third party, " +
        "which streets officers and analysts are looking at, and when; and its tile usage policy does not allow an app's " +
        "users to load tiles from it this way. Use the force's own tile server, a commercial one under contract, or none.";

    /// <summary>Why a tile URL template cannot be used, or null when it can.</summary>
    public static string? TileUrlProblem(string url)
    {
        if (!Uri.TryCreate(url.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0").Replace("{r}", ""), UriKind.Absolute, out var uri)
            || uri.Scheme != "https")
            return $"'{url}' is not an https address.";
        if (!url.Contains("{z}", StringComparison.Ordinal) || !url.Contains("{x}", StringComparison.Ordinal) || !url.Contains("{y}", StringComparison.Ordinal))
            return $"'{url}' needs {{z}}, {{x}} and {{y}} where the tile's zoom and position go.";
        return null;
    }

    /// <summary>Whether the URL is OpenStreetMap's public tile server, whose usage policy forbids this kind of use.</summary>
    public static bool IsPublicOsm(string url) =>
        Uri.TryCreate(url.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0"), UriKind.Absolute, out var uri)
        && uri.Host.EndsWith("tile.openstreetmap.org", StringComparison.OrdinalIgnoreCase);
}

using Microsoft.Extensions.Configuration;

namespace HotSpots.Platform;

/// <summary>Settings section "Force": who runs this instance and in which time zone its records are kept.</summary>
public sealed class ForceOptions
{
    public string Name { get; set; } = "Demo Force";

    /// <summary>IANA time zone of the force's local times (records, police days, peak hours).</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Hour at which a police day starts (e.g. 6: a day runs 06:00 to 05:59).</summary>
    public int PoliceDayStartHour { get; set; } = 6;

    public TimeZoneInfo TimeZoneInfo => _zone ??= TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    private TimeZoneInfo? _zone;

    public static ForceOptions From(IConfiguration configuration) =>
        configuration.GetSection("Force").Get<ForceOptions>() ?? new ForceOptions();

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
}

namespace HotSpots.Modules.Dashboard.Contracts;

/// <summary>A published hot spot in the OData feed.</summary>
public sealed class HotspotRow
{
    public long Id { get; init; }
    public long SetId { get; init; }
    public int Rank { get; init; }
    public string Name { get; init; } = "";
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public double AreaSquareMetres { get; init; }
    public int CrimeCount { get; init; }
    public double Harm { get; init; }
}

/// <summary>A visit by a tasked patrol (no officer).</summary>
public sealed class VisitRow
{
    public long Id { get; init; }
    public long HotspotId { get; init; }
    public string Source { get; init; } = "";
    public DateTimeOffset Entered { get; init; }
    public DateTimeOffset Exited { get; init; }
    public double Minutes { get; init; }
    public string Mode { get; init; } = "";
    public bool Koper { get; init; }
}

/// <summary>
/// The dose a spot got from tasked patrols in one police day (no officer): officer-minutes inside, visits, and how much of
/// the patrols that started that day in the spot was measured (docs/measurement.md). The last 366 police days.
/// </summary>
public sealed class DosageRow
{
    /// <summary>The spot and the police day, as one key: hot spot id × 100000 + days since 2000-01-01.</summary>
    public long Id { get; init; }
    public long HotspotId { get; init; }
    public DateTimeOffset PoliceDayStart { get; init; }
    public double OfficerMinutes { get; init; }
    public int Visits { get; init; }
    public int KoperVisits { get; init; }
    public double ObservedMinutes { get; init; }
    public double UnobservedMinutes { get; init; }

    /// <summary>Observed ÷ (observed + unobserved); null when the day had no tasked patrol time.</summary>
    public double? ObservedShare { get; init; }
}

/// <summary>
/// Presence in a spot in one police day, treatment and control alike (no officer, no unit): the location feed's
/// officer-minutes (all units), the tasked patrols' officer-minutes, and the minutes both were there at once. Every
/// spot-day of the last 366 police days with either, and every place-day of a sealed trial up to today.
/// </summary>
public sealed class PresenceRow
{
    /// <summary>The spot and the police day, as one key: hot spot id × 100000 + days since 2000-01-01 (as in <see cref="DosageRow"/>).</summary>
    public long Id { get; init; }
    public long HotspotId { get; init; }
    public DateTimeOffset PoliceDayStart { get; init; }

    /// <summary>"Treatment" or "Control" for a place-day of a sealed trial that is over; null while the trial runs (the feed sees arms in totals only) and outside trials.</summary>
    public string? Arm { get; init; }
    public double FeedMinutes { get; init; }
    public double TaskedMinutes { get; init; }
    public double OverlapMinutes { get; init; }
}

/// <summary>An activity logged on patrol: its kind only, no notes and no officer.</summary>
public sealed class ActivityRow
{
    public long Id { get; init; }
    public long HotspotId { get; init; }
    public DateTimeOffset Time { get; init; }
    public string Kind { get; init; } = "";
}

/// <summary>
/// How many activities of a kind a team logged in a spot on a police day (entries undone by the officer are not counted;
/// no officer, no notes). The team is the officer's team now, "No team" without one.
/// </summary>
public sealed class ActivityCountRow
{
    /// <summary>A row number, stable for the same records (rows are ordered by police day, spot, team and kind).</summary>
    public long Id { get; init; }
    public long HotspotId { get; init; }
    public string Team { get; init; } = "";
    public DateTimeOffset PoliceDayStart { get; init; }
    public string Kind { get; init; } = "";
    public int Count { get; init; }
}

/// <summary>A crime in the OData feed, pseudonymised: no reference, no people, no place name, placed at the centre of its 100 m square.</summary>
public sealed class CrimeRow
{
    public long Id { get; init; }
    public string Category { get; init; } = "";
    public DateTimeOffset Occurred { get; init; }
    public bool HasTimeOfDay { get; init; }
    public int Year { get; init; }
    public int Month { get; init; }
    public double Harm { get; init; }
    public string? Area { get; init; }
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public long? HotspotId { get; init; }
}

using HotSpots.Modules.Tasking.Contracts;

namespace HotSpots.Modules.Dashboard.Contracts;

public enum Rag
{
    Green,
    Amber,
    Red,
}

/// <summary>
/// Dose delivered against target over police days [From, To]: per spot, team, shift and day, with the share of assigned
/// place-days that got a patrol, and the background presence (location feed) in control spots, in total and by spot.
/// </summary>
/// <param name="Assignment">How place-days were counted as assigned: a trial's treatment place-days, or every published spot every day.</param>
/// <param name="BySpot">Empty while <paramref name="Withheld"/> says why; only spots the viewer may see named.</param>
/// <param name="Controls">By control spot; empty while <paramref name="Withheld"/> says why.</param>
/// <param name="ControlTotals">All control spots together; null when no trial with control spots covers the period.</param>
/// <param name="ActivitiesByTeam">Activities logged in the period (not undone), by kind and the officer's team.</param>
/// <param name="ActivitiesBySpot">The same by kind and spot; no rows while <paramref name="Withheld"/> says why, and only spots the viewer may see named.</param>
/// <param name="Withheld">Why figures by spot of the trial are left out for this viewer (a trial that runs, <see cref="TrialSight"/>); null when they are shown.</param>
public sealed record ComplianceReport(
    DateOnly From, DateOnly To, DoseTargets Targets, string Assignment,
    int AssignedPlaceDays, int PatrolledPlaceDays, int DosedPlaceDays,
    IReadOnlyList<DoseLine> BySpot, IReadOnlyList<DoseLine> ByTeam, IReadOnlyList<DoseLine> ByShift, IReadOnlyList<DoseLine> ByDay,
    IReadOnlyList<ControlPresence> Controls, ControlTotals? ControlTotals, string? Withheld, Chart DailyChart,
    double ObservedMinutes, double UnobservedMinutes, IReadOnlyList<PresenceByArm>? ByArm = null, IReadOnlyList<SpotPresence>? SpotPresence = null,
    ActivityTable? ActivitiesByTeam = null, ActivityTable? ActivitiesBySpot = null)
{
    /// <summary>
    /// Presence by spot over the period (every place-day of it, with the spot's arm): empty while <see cref="Withheld"/>
    /// says why, and only spots the viewer may see named.
    /// </summary>
    public IReadOnlyList<SpotPresence> PresenceBySpot => SpotPresence ?? [];

    /// <summary>Presence by arm (every place-day of the period): the location feed's minutes, tasked minutes, and both at once.</summary>
    public IReadOnlyList<PresenceByArm> PresenceByArm => ByArm ?? [];

    public double? PatrolledShare => AssignedPlaceDays == 0 ? null : (double)PatrolledPlaceDays / AssignedPlaceDays;

    /// <summary>The share of tasked patrol time in assigned place-days that the phones could measure (docs/measurement.md).</summary>
    public double? ObservedShare => ObservedMinutes + UnobservedMinutes > 0 ? ObservedMinutes / (ObservedMinutes + UnobservedMinutes) : null;
}

/// <param name="TargetMinutes">The officer-minutes owed (daily target × assigned place-days in the group).</param>
/// <param name="Minutes">Officer-minutes delivered in the spots by tasked patrols.</param>
/// <param name="ObservedMinutes">Minutes of the group's tasked patrols that were measured (by the day a patrol started); null where not counted so (teams, shifts).</param>
/// <param name="UnobservedMinutes">Minutes of those patrols that were not measured: neither inside nor outside.</param>
public sealed record DoseLine(
    string Name, double TargetMinutes, double Minutes, int Visits, int KoperVisits, int PlaceDays,
    double? ObservedMinutes = null, double? UnobservedMinutes = null)
{
    public double? ObservedShare => ObservedMinutes is { } o && UnobservedMinutes is { } u && o + u > 0 ? o / (o + u) : null;

    public double? Share => TargetMinutes <= 0 ? null : Minutes / TargetMinutes;

    /// <summary>Green at 90 % of the target or more, amber from 50 %, red below; none without a target.</summary>
    public Rag? Status => Share switch { null => null, >= 0.9 => Rag.Green, >= 0.5 => Rag.Amber, _ => Rag.Red };
}

/// <summary>Police presence in a control spot from the location feed (not tasked patrols), kept apart.</summary>
/// <param name="Spot">The spot's trial code and name.</param>
/// <param name="Days">The spot's control days in the period.</param>
/// <param name="TaskedMinutes">Officer-minutes of tasked patrols on those days: should be zero.</param>
public sealed record ControlPresence(string Spot, double FeedMinutes, int Visits, int Days, double TaskedMinutes);

/// <summary>Presence in every control spot together on its control days: what a viewer who does not evaluate sees while the trial runs.</summary>
public sealed record ControlTotals(int Spots, int PlaceDays, double FeedMinutes, int Visits, double TaskedMinutes);

/// <summary>
/// Presence in one arm's place-days (a trial's treatment or control, or every published spot when no trial runs): what the
/// police location feed saw (all units), what tasked patrols delivered, and the minutes both were there at once.
/// </summary>
/// <param name="FeedMinutes">Officer-minutes of location feed units in the spots (the baseline presence).</param>
/// <param name="PatrolMinutes">Officer-minutes of tasked patrols in the spots.</param>
/// <param name="OverlapMinutes">Minutes when a feed unit and a tasked patrol were in the same spot at the same time.</param>
public sealed record PresenceByArm(string Arm, int PlaceDays, double FeedMinutes, double PatrolMinutes, double OverlapMinutes);

/// <summary>One spot's presence over a period: its place-days (with its arm, or the arms it had), feed minutes, tasked minutes and their overlap.</summary>
public sealed record SpotPresence(string Spot, string Arm, int PlaceDays, double FeedMinutes, double PatrolMinutes, double OverlapMinutes);

/// <summary>
/// One spot's presence in one police day: the location feed's officer-minutes (all units), the tasked patrols'
/// officer-minutes, and the minutes both were there at once. A visit counts in the police day it began.
/// </summary>
/// <param name="Spot">The spot's trial code on a trial's page and in its export.</param>
/// <param name="Arm">"Treatment" or "Control" where the place-day is in a trial the reader may see by spot; otherwise null.</param>
public sealed record SpotDayPresence(long HotspotId, string Spot, DateOnly PoliceDay, string? Arm, double FeedMinutes, double PatrolMinutes, double OverlapMinutes);

/// <summary>Presence in a sealed trial's place-days from its first police day to today (or its last): by arm, and by spot and day.</summary>
public sealed record TrialPresence(DateOnly From, DateOnly To, IReadOnlyList<PresenceByArm> ByArm, IReadOnlyList<SpotDayPresence> Days);

/// <summary>Activities logged on patrol counted by kind (columns: the force's kinds, then any removed kind that still has entries) for each row.</summary>
public sealed record ActivityTable(IReadOnlyList<string> Kinds, IReadOnlyList<ActivityTableRow> Rows)
{
    public static readonly ActivityTable Empty = new([], []);

    /// <summary>Each kind's count over all rows, in the order of <see cref="Kinds"/>.</summary>
    public IReadOnlyList<int> KindTotals => Kinds.Select((_, i) => Rows.Sum(r => r.Counts[i])).ToList();

    public int Total => Rows.Sum(r => r.Total);
}

/// <param name="Name">The team or spot.</param>
/// <param name="Counts">Activities of each kind, in the order of the table's kinds.</param>
public sealed record ActivityTableRow(string Name, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

/// <summary>
/// What happened to a trial's place-days so far, CONSORT-style (issue 21, item 4), from its first police day up to
/// <see cref="Through"/> (today or its last day): allocated by arm; treatment place-days given the target dose (tasked
/// officer-minutes at least <see cref="TargetMinutes"/>), part of it, or none; control place-days visited by tasked
/// patrols anyway (contamination); the location feed's baseline presence in each arm; place-days lost to missing data.
/// </summary>
/// <param name="Through">The last police day counted; null when no day of the trial has begun.</param>
/// <param name="LatestCrimeDay">The police day of the latest crime held: a place-day after it has no outcome yet.</param>
/// <param name="PlaceDaysWithoutOutcome">Place-days after <see cref="LatestCrimeDay"/> (or all, when no crime is held).</param>
/// <param name="DaysWithoutFeed">Police days with no location-feed record in any spot of the trial: the baseline is missing.</param>
/// <param name="PlaceDaysLost">Place-days missing an outcome, the feed, or both.</param>
public sealed record TrialFlow(
    DateOnly? Through,
    int AllocatedTreatment,
    int AllocatedControl,
    double TargetMinutes,
    int TreatedFullDose,
    int TreatedPartDose,
    int TreatedNoDose,
    int ControlVisitedByTaskedPatrols,
    double ControlTaskedMinutes,
    IReadOnlyList<PresenceByArm> Presence,
    DateOnly? LatestCrimeDay,
    int PlaceDaysWithoutOutcome,
    int DaysWithoutFeed,
    int PlaceDaysLost)
{
    public int Allocated => AllocatedTreatment + AllocatedControl;
}

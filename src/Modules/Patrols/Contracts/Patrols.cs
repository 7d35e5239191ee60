using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Patrols.Contracts;

/// <param name="MaxPatrolMinutes">A patrol still running after this many minutes ends by itself (at least 10).</param>
/// <param name="PingRetentionDays">Raw positions are purged after this many days (at least 1); visits stay.</param>
public sealed record PatrolPolicy(double MaxPatrolMinutes, double PingRetentionDays);

/// <summary>A ping from the phone. The sequence number is the client's, so a batch sent twice is stored once.</summary>
public sealed record PingInput(long Sequence, DateTime TimeUtc, double Latitude, double Longitude, double? AccuracyMetres, double? SpeedMetresPerSecond);

public sealed record PingRejection(long Sequence, string Reason);

/// <summary>The acknowledgement of a committed batch: what was stored, and the patrol's state after it.</summary>
public sealed record PingBatchResult(int Accepted, int Duplicates, IReadOnlyList<PingRejection> Rejected, bool Inside, double MinutesInside, bool Running);

public sealed record ActivityInput(long Sequence, DateTime TimeUtc, string Kind, string? Text);

public enum Movement
{
    Foot,
    Vehicle,
}

/// <summary>Where presence in a spot was measured: tasked patrols (phones), or the police location feed (all units).</summary>
public enum PresenceSource
{
    Patrols,
    LocationFeed,
}

/// <param name="Inside">In a visit to the spot now (with the exit hysteresis).</param>
/// <param name="EndReason">"officer", "automatic" (ran longer than the longest patrol allowed) or "replaced" (a new patrol started).</param>
/// <param name="ObservedSeconds">Seconds of the patrol that were measured (to its end, or to now while it runs).</param>
/// <param name="UnobservedSeconds">
/// Seconds that were not: the page was hidden, frozen or closed, had no fix, or the server heard nothing for longer than
/// the gap threshold (docs/measurement.md). Neither inside nor outside the spot. Observed and unobserved add up to the
/// patrol's length; both are zero for patrols that ended before they were measured.
/// </param>
public sealed record PatrolView(
    long Id, string OfficerId, long HotspotId, string HotspotName, DateTime StartedUtc, DateTime? EndedUtc,
    int Pings, double MinutesInside, bool Inside, int Activities,
    int Visits, int KoperVisits, int Stops, double FootMinutes, double VehicleMinutes, string? EndReason,
    double ObservedSeconds, double UnobservedSeconds)
{
    public bool Running => EndedUtc is null;

    /// <summary>The share of the patrol that was measured (0 to 1); null when nothing was measured either way.</summary>
    public double? ObservedShare => ObservedSeconds + UnobservedSeconds > 0 ? ObservedSeconds / (ObservedSeconds + UnobservedSeconds) : null;
}

/// <summary>A stretch the page could not measure, as the phone reports it; the sequence number is the phone's (stored once).</summary>
/// <param name="Reason">"hidden", "frozen", "closed" or "no-fix".</param>
public sealed record UnobservedInput(long Sequence, DateTime FromUtc, DateTime ToUtc, string Reason)
{
    public static readonly IReadOnlyList<string> Reasons = ["hidden", "frozen", "closed", "no-fix"];
}

/// <param name="ObservedMinutes">Minutes of those patrols that were measured (docs/measurement.md).</param>
/// <param name="UnobservedMinutes">Minutes of those patrols that were not: neither inside nor outside.</param>
public sealed record SpotMinutes(long HotspotId, string HotspotName, double MinutesInside, int Patrols, double ObservedMinutes, double UnobservedMinutes)
{
    public double? ObservedShare => Share(ObservedMinutes, UnobservedMinutes);

    internal static double? Share(double observed, double unobserved) => observed + unobserved > 0 ? observed / (observed + unobserved) : null;
}

/// <param name="ObservedMinutes">Minutes of the officer's patrols that were measured (docs/measurement.md).</param>
/// <param name="UnobservedMinutes">Minutes of the officer's patrols that were not: neither inside nor outside.</param>
public sealed record OfficerMinutes(
    string OfficerId, double MinutesInside, int Patrols, int Activities, int Visits, int KoperVisits, double ObservedMinutes, double UnobservedMinutes)
{
    public double? ObservedShare => SpotMinutes.Share(ObservedMinutes, UnobservedMinutes);
}

/// <summary>What a spot got in one police day.</summary>
/// <param name="OfficerMinutes">Minutes summed over officers (two officers for ten minutes: 20).</param>
/// <param name="PatrolMinutes">Minutes with at least one officer present (two officers together for ten minutes: 10).</param>
/// <param name="Visits">Visits that began this police day.</param>
/// <param name="KoperVisits">Of those, visits of Koper length (10 to 16 minutes by default).</param>
/// <param name="LongestGapMinutes">The longest stretch of the police day (up to now, for today) with no one present, its start and end included.</param>
/// <param name="Officers">Officers (or feed units) present at some time this day.</param>
/// <param name="LastPresentUtc">The last time anyone was seen in the spot this day.</param>
/// <param name="ObservedMinutes">Minutes measured of the tasked patrols of the spot that started this police day (zero for the feed).</param>
/// <param name="UnobservedMinutes">Minutes not measured of those patrols: neither inside nor outside (docs/measurement.md).</param>
public sealed record SpotDayDosage(
    long HotspotId, DateTime PoliceDayStartUtc, PresenceSource Source, double OfficerMinutes, double PatrolMinutes,
    int Visits, int KoperVisits, double LongestGapMinutes, int Officers, DateTime? LastPresentUtc,
    double ObservedMinutes, double UnobservedMinutes)
{
    public double? ObservedShare => SpotMinutes.Share(ObservedMinutes, UnobservedMinutes);
}

/// <param name="SubjectId">The officer's sign-in id for patrols; the unit id for the location feed.</param>
/// <param name="Open">Still going on: the exit is the last time the officer was seen near.</param>
public sealed record VisitView(
    long Id, PresenceSource Source, long? PatrolId, string SubjectId, long HotspotId, DateTime EnteredUtc, DateTime ExitedUtc,
    double Minutes, Movement Mode, bool Koper, bool Open);

public sealed record ActivityView(long PatrolId, string OfficerId, long HotspotId, DateTime TimeUtc, string Kind, string? Text);

public sealed record TeamPatrol(PatrolView Patrol, string OfficerName, string? TeamName);

/// <summary>Who asks to see a track. <paramref name="SignInName"/> goes into the audit log.</summary>
public sealed record TrackViewer(string UserId, string SignInName, bool IsSupervisor);

public sealed record TrackPosition(DateTime TimeUtc, double Latitude, double Longitude, double? AccuracyMetres, bool Inside);

public sealed record StopView(DateTime StartUtc, DateTime EndUtc, double Latitude, double Longitude, bool InSpot, double Minutes);

public sealed record StretchView(DateTime StartUtc, DateTime EndUtc, Movement Mode, double Minutes);

/// <param name="PositionsPurged">The raw positions were deleted after the retention period; what was derived from them stays.</param>
/// <param name="Outline">The spot's outline as it was when the patrol started (to 6 decimal places).</param>
public sealed record PatrolTrack(
    PatrolView Patrol, string OfficerName, IReadOnlyList<TrackPosition> Positions, bool PositionsPurged,
    IReadOnlyList<VisitView> Visits, IReadOnlyList<StopView> Stops, IReadOnlyList<StretchView> Stretches,
    IReadOnlyList<ActivityView> Activities, IReadOnlyList<GeoPoint> Outline);

/// <summary>How long an officer may undo an activity they logged by mistake, from when the server stored it (its clock decides).</summary>
public static class ActivityUndo
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);
}

/// <summary>A running patrol and when its phone was last heard from (no position: supervisors see spots, not tracks).</summary>
/// <param name="Quiet">Nothing heard from the phone for longer than the gap threshold: the patrol is not being measured.</param>
public sealed record LivePatrol(PatrolView Patrol, DateTime? LastPingUtc, bool Quiet);

/// <summary>Tasking refused the patrol (the spot is not tasked today, or has had its dose); the reason is for the officer.</summary>
public sealed class PatrolRefusedException(string reason) : InvalidOperationException(reason);

/// <summary>The patrol does not exist or is not the caller's.</summary>
public sealed class PatrolNotFoundException(long patrolId) : Exception($"Patrol {patrolId} was not found.");

/// <summary>The patrol has no activity with that sequence number (never logged, or not yet sent by the phone).</summary>
public sealed class ActivityNotFoundException(long patrolId, long sequence)
    : Exception($"Patrol {patrolId} has no activity {sequence}.");

/// <summary>The activity can no longer be undone: the window (<see cref="ActivityUndo.Window"/>) has passed. It stays logged.</summary>
public sealed class ActivityUndoRefusedException(string reason) : InvalidOperationException(reason);

/// <summary>The track is another officer's, outside the viewer's team.</summary>
public sealed class TrackAccessDeniedException(long patrolId)
    : Exception($"Patrol {patrolId} is another officer's: only they and the supervisors of their team may see its track.");

using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Tasking.Contracts;

/// <summary>
/// Sends the right officer to the right spot: near me, Direct me, the supervisors' assignments, and the check
/// that a spot may be patrolled now. Control spots of a running trial and spots that have had their dose cap
/// today are never offered, on any path.
/// </summary>
public interface ITaskingModule
{
    /// <summary>
    /// Spots that may be offered now: one the officer stands in first, then the officer's team's assignments, then by
    /// distance and need. From memory.
    /// </summary>
    Task<IReadOnlyList<NearbySpot>> NearMeAsync(string officerId, GeoPoint position, int count, CancellationToken cancellationToken);

    /// <summary>
    /// A spot the officer chose from the list (why here, need, distance from <paramref name="position"/> when known, NaN
    /// otherwise), when it may be offered now; null when it may not: not published, a control spot of the running trial
    /// (never revealed as such), or capped today.
    /// </summary>
    Task<NearbySpot?> ChosenSpotAsync(string officerId, long hotspotId, GeoPoint? position, CancellationToken cancellationToken);

    /// <summary>A randomised pick, weighted by need, among the nearby eligible spots; recorded. Null when none is eligible.</summary>
    Task<Direction?> DirectMeAsync(string officerId, GeoPoint position, CancellationToken cancellationToken);

    /// <summary>A direction given earlier to this officer, while its spot may still be offered; null otherwise.</summary>
    Task<Direction?> GetDirectionAsync(long directionId, string officerId, CancellationToken cancellationToken);

    /// <summary>Whether the officer may start a patrol of the spot now (it must be offerable: published or a treatment spot, not capped).</summary>
    Task<PatrolPermission> CheckPatrolAsync(string officerId, long hotspotId, CancellationToken cancellationToken);

    /// <summary>Today's board for supervisors: the spots that may be tasked, their dose and their assignments.</summary>
    Task<TaskingDay> TodayAsync(CancellationToken cancellationToken);

    /// <summary>Assigns an offerable spot to a team (of Workforce, not retired) for a shift of today's police day.</summary>
    Task<AssignmentView> AssignAsync(long hotspotId, long teamId, string shift, string assignedBy, CancellationToken cancellationToken);

    Task RemoveAssignmentAsync(long assignmentId, string removedBy, CancellationToken cancellationToken);

    /// <summary>The force's dose targets (minutes per visit, visits per day, daily cap).</summary>
    Task<DoseTargets> GetDoseTargetsAsync(CancellationToken cancellationToken);

    Task SetDoseTargetsAsync(DoseTargets targets, string changedBy, CancellationToken cancellationToken);
}

/// <summary>Where an officer was sent, why, and among how many spots.</summary>
public sealed record Direction(long Id, PublishedHotspot Spot, double DistanceMetres, int Candidates, SpotNeed Need, bool Assigned);

/// <summary>A spot that may be offered, with its distance and need.</summary>
public sealed record NearbySpot(PublishedHotspot Spot, double DistanceMetres, SpotNeed Need, bool AssignedToYourTeam);

/// <summary>
/// How much a spot needs a patrol now: the dose still owed today, whether its violence peaks at this hour, and
/// how long since the last visit. <see cref="Weight"/> is the spot's weight in the Direct me draw.
/// </summary>
public sealed record SpotNeed(
    double TargetMinutes, double DeliveredMinutes, int Visits, DateTime? LastVisitUtc, bool PeakNow, bool Capped, double Weight)
{
    public double OwedMinutes => Math.Max(0, TargetMinutes - DeliveredMinutes);
}

public sealed record PatrolPermission(bool Allowed, string? Reason)
{
    public static readonly PatrolPermission Yes = new(true, null);
}

/// <summary>Dose targets: the Koper-style visit length, visits per police day, and the cap after which a spot drops out.</summary>
public sealed record DoseTargets(double MinutesPerVisit, int VisitsPerDay, double DailyCapMinutes)
{
    public static readonly DoseTargets Default = new(15, 3, 90);

    public double DailyTargetMinutes => MinutesPerVisit * VisitsPerDay;

    /// <summary>A reason the targets cannot be used, or null when they are sensible.</summary>
    public string? Problem() =>
        MinutesPerVisit is <= 0 or > 240 ? "Minutes per visit must be between 1 and 240." :
        VisitsPerDay is < 1 or > 48 ? "Visits per day must be between 1 and 48." :
        DailyCapMinutes < MinutesPerVisit ? "The daily cap must be at least one visit." :
        DailyCapMinutes > 1440 ? "The daily cap cannot be more than a day." : null;
}

public sealed record AssignmentView(long Id, long HotspotId, string HotspotName, long TeamId, string TeamName, string Shift, string AssignedBy, DateTime AssignedUtc);

/// <summary>A shift of the police day, e.g. "Late" from 15:00 to 23:00 local time.</summary>
public sealed record Shift(string Name, int StartHour, int EndHour);

/// <summary>The tasking board of one police day.</summary>
public sealed record TaskingDay(
    DateOnly PoliceDay, DateTime StartUtc, string CurrentShift, IReadOnlyList<Shift> Shifts, string? TrialName, int HiddenControlSpots,
    IReadOnlyList<TaskedSpot> Spots, IReadOnlyList<AssignmentView> Assignments, DoseTargets Targets);

public sealed record TaskedSpot(PublishedHotspot Spot, SpotNeed Need);

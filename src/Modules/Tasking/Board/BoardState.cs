using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Tasking.Need;

namespace HotSpots.Modules.Tasking.Board;

/// <summary>An immutable picture of today's tasking; every tasking path asks it what may be offered.</summary>
internal sealed record BoardState(
    DateTime DayStartUtc,
    DateOnly PoliceDay,
    HotspotSnapshot Spots,
    string? TrialName,
    IReadOnlyDictionary<long, TrialArm>? Arms,
    IReadOnlyDictionary<long, SpotDose> Doses,
    DoseTargets Targets,
    IReadOnlyList<AssignmentView> Assignments,
    IReadOnlyDictionary<string, long> TeamOfOfficer)
{
    /// <summary>False for a control spot of the running trial (or a trial spot without an arm today).</summary>
    public bool Treated(long hotspotId) => Arms is null || Arms.GetValueOrDefault(hotspotId, TrialArm.Control) == TrialArm.Treatment;

    public SpotNeed Need(PublishedHotspot spot, DateTime nowUtc, DateTime nowLocal) =>
        NeedCalculator.For(spot, Doses.GetValueOrDefault(spot.Id), Targets, nowUtc, nowLocal);

    /// <summary>The spots that may be offered to an officer now: in the board, treated, not capped.</summary>
    public IEnumerable<(SpotDistance Spot, SpotNeed Need)> Offerable(Platform.Geography.GeoPoint position, DateTime nowUtc, DateTime nowLocal) =>
        Spots.Nearest(position, int.MaxValue)
            .Where(d => Treated(d.Spot.Id))
            .Select(d => (d, Need(d.Spot, nowUtc, nowLocal)))
            .Where(x => !x.Item2.Capped);

    public bool IsOfferable(long hotspotId, DateTime nowUtc, DateTime nowLocal) =>
        Spots.Find(hotspotId) is { } spot && Treated(hotspotId) && !Need(spot, nowUtc, nowLocal).Capped;

    public IReadOnlySet<long> AssignedTo(string officerId, string shift) =>
        TeamOfOfficer.TryGetValue(officerId, out var team)
            ? Assignments.Where(a => a.TeamId == team && a.Shift == shift).Select(a => a.HotspotId).ToHashSet()
            : new HashSet<long>();

    public int HiddenControlSpots => Arms is null ? 0 : Spots.Spots.Count(s => !Treated(s.Id));
}

using HotSpots.Modules.Dashboard.Contracts;

namespace HotSpots.Modules.Dashboard.Compliance;

/// <summary>
/// Presence in the spots by arm (pure: no I/O, no clock): for each arm, the officer-minutes seen by the police location
/// feed (every unit), the officer-minutes of tasked patrols, and the minutes when both were there at once. The contrast
/// between the arms is a trial's first check that the treatment happened: tasked minutes in treatment, none in control,
/// and the feed's baseline alike in both unless patrols add to it.
/// </summary>
internal static class ArmPresence
{
    /// <summary>One visit: the spot, the police day it counts in, and when it began and ended.</summary>
    internal readonly record struct Stay(long Spot, DateOnly Day, DateTime From, DateTime To);

    /// <summary>One place-day's presence: the feed's officer-minutes, the tasked patrols' officer-minutes, and the minutes both were there at once.</summary>
    internal readonly record struct SpotDay(long Spot, DateOnly Day, string Arm, double FeedMinutes, double PatrolMinutes, double OverlapMinutes);

    /// <param name="placeDays">Each place-day and its arm ("Treatment", "Control", or one name for all when no trial runs).</param>
    public static IReadOnlyList<PresenceByArm> Compute(
        IEnumerable<(long Spot, DateOnly Day, string Arm)> placeDays, IEnumerable<Stay> feed, IEnumerable<Stay> patrols) =>
        ByArm(PerSpotDay(placeDays, feed, patrols));

    /// <summary>Place-days added up by arm, treatment first.</summary>
    public static IReadOnlyList<PresenceByArm> ByArm(IEnumerable<SpotDay> days) => days.GroupBy(p => p.Arm)
            .Select(arm => new PresenceByArm(arm.Key, arm.Count(), arm.Sum(p => p.FeedMinutes), arm.Sum(p => p.PatrolMinutes), arm.Sum(p => p.OverlapMinutes)))
            .OrderByDescending(a => a.Arm == "Treatment").ThenBy(a => a.Arm, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The three figures for each place-day (the first arm given wins for a place-day given twice), in the order given. A
    /// stay counts in the place-day of its <see cref="Stay.Day"/>; stays of spots or days not given are left out.
    /// </summary>
    public static IReadOnlyList<SpotDay> PerSpotDay(
        IEnumerable<(long Spot, DateOnly Day, string Arm)> placeDays, IEnumerable<Stay> feed, IEnumerable<Stay> patrols)
    {
        var feedBy = feed.GroupBy(s => (s.Spot, s.Day)).ToDictionary(g => g.Key, g => g.ToList());
        var patrolBy = patrols.GroupBy(s => (s.Spot, s.Day)).ToDictionary(g => g.Key, g => g.ToList());
        return placeDays.DistinctBy(p => (p.Spot, p.Day)).Select(p =>
        {
            var f = feedBy.GetValueOrDefault((p.Spot, p.Day)) ?? [];
            var t = patrolBy.GetValueOrDefault((p.Spot, p.Day)) ?? [];
            return new SpotDay(p.Spot, p.Day, p.Arm, f.Sum(s => (s.To - s.From).TotalMinutes), t.Sum(s => (s.To - s.From).TotalMinutes), Together(f, t));
        }).ToList();
    }

    /// <summary>Minutes when someone of each list was present: the length of (union of a) ∩ (union of b).</summary>
    internal static double Together(IReadOnlyList<Stay> a, IReadOnlyList<Stay> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var x = Union(a);
        var y = Union(b);
        double minutes = 0;
        int i = 0, j = 0;
        while (i < x.Count && j < y.Count)
        {
            var from = x[i].From > y[j].From ? x[i].From : y[j].From;
            var to = x[i].To < y[j].To ? x[i].To : y[j].To;
            if (to > from) minutes += (to - from).TotalMinutes;
            if (x[i].To < y[j].To) i++; else j++;
        }
        return minutes;
    }

    private static List<(DateTime From, DateTime To)> Union(IEnumerable<Stay> stays)
    {
        var merged = new List<(DateTime From, DateTime To)>();
        foreach (var s in stays.Where(s => s.To > s.From).OrderBy(s => s.From))
        {
            if (merged.Count > 0 && s.From <= merged[^1].To)
                merged[^1] = (merged[^1].From, s.To > merged[^1].To ? s.To : merged[^1].To);
            else merged.Add((s.From, s.To));
        }
        return merged;
    }
}

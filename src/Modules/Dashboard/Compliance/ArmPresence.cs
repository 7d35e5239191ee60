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

    /// <param name="placeDays">Each place-day and its arm ("Treatment", "Control", or one name for all when no trial runs).</param>
    public static IReadOnlyList<PresenceByArm> Compute(
        IEnumerable<(long Spot, DateOnly Day, string Arm)> placeDays, IEnumerable<Stay> feed, IEnumerable<Stay> patrols)
    {
        var feedBy = feed.GroupBy(s => (s.Spot, s.Day)).ToDictionary(g => g.Key, g => g.ToList());
        var patrolBy = patrols.GroupBy(s => (s.Spot, s.Day)).ToDictionary(g => g.Key, g => g.ToList());
        return placeDays.GroupBy(p => p.Arm).Select(arm =>
        {
            double feedMinutes = 0, patrolMinutes = 0, overlap = 0;
            var days = 0;
            foreach (var (spot, day, _) in arm.DistinctBy(p => (p.Spot, p.Day)))
            {
                days++;
                var f = feedBy.GetValueOrDefault((spot, day)) ?? [];
                var t = patrolBy.GetValueOrDefault((spot, day)) ?? [];
                feedMinutes += f.Sum(s => (s.To - s.From).TotalMinutes);
                patrolMinutes += t.Sum(s => (s.To - s.From).TotalMinutes);
                overlap += Together(f, t);
            }
            return new PresenceByArm(arm.Key, days, feedMinutes, patrolMinutes, overlap);
        }).OrderByDescending(a => a.Arm == "Treatment").ThenBy(a => a.Arm, StringComparer.Ordinal).ToList();
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

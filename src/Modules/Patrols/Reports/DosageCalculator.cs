using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Platform;

namespace HotSpots.Modules.Patrols.Reports;

/// <summary>How much of one patrol of a spot was measured (docs/measurement.md).</summary>
internal readonly record struct PatrolMeasure(long HotspotId, DateTime StartedUtc, double ObservedSeconds, double UnobservedSeconds);

/// <summary>
/// Adds visits up per spot and police day: officer-minutes, patrol-minutes (the union), visits, Koper visits, the longest
/// gap; and the observed and unobserved minutes of the patrols that started that day in the spot. A spot-day with neither a
/// visit nor a patrol has no row.
/// </summary>
internal static class DosageCalculator
{
    public static IReadOnlyList<SpotDayDosage> PerSpotAndDay(
        IEnumerable<VisitView> visits, DateTime fromUtc, DateTime toUtc, DateTime nowUtc, ForceOptions force, PresenceSource source,
        IEnumerable<PatrolMeasure>? patrols = null)
    {
        var rows = new List<SpotDayDosage>();
        var days = PoliceDays(fromUtc, toUtc, force);
        var visitsBySpot = visits.ToLookup(v => v.HotspotId);
        var patrolsBySpot = (patrols ?? []).ToLookup(p => p.HotspotId);
        foreach (var spotId in visitsBySpot.Select(g => g.Key).Union(patrolsBySpot.Select(g => g.Key)))
        {
            var ordered = visitsBySpot[spotId].OrderBy(v => v.EnteredUtc).ToList();
            foreach (var (dayStart, dayEnd) in days)
            {
                var present = ordered.Where(v => v.EnteredUtc < dayEnd && v.ExitedUtc > dayStart).ToList();
                var started = patrolsBySpot[spotId].Where(p => p.StartedUtc >= dayStart && p.StartedUtc < dayEnd).ToList();
                var observed = started.Sum(p => p.ObservedSeconds) / 60;
                var unobserved = started.Sum(p => p.UnobservedSeconds) / 60;
                if (present.Count == 0)
                {
                    if (started.Count > 0)
                        rows.Add(new SpotDayDosage(spotId, dayStart, source, 0, 0, 0, 0,
                            (Min(dayEnd, Max(nowUtc, dayStart)) - dayStart).TotalMinutes, 0, null, observed, unobserved));
                    continue;
                }
                var clipped = present.Select(v => (From: Max(v.EnteredUtc, dayStart), To: Min(v.ExitedUtc, dayEnd))).ToList();
                var union = Union(clipped);
                var begun = present.Where(v => v.EnteredUtc >= dayStart).ToList();
                rows.Add(new SpotDayDosage(
                    spotId, dayStart, source,
                    OfficerMinutes: clipped.Sum(c => (c.To - c.From).TotalMinutes),
                    PatrolMinutes: union.Sum(u => (u.To - u.From).TotalMinutes),
                    Visits: begun.Count,
                    KoperVisits: begun.Count(v => v.Koper),
                    LongestGapMinutes: LongestGap(union, dayStart, Min(dayEnd, Max(nowUtc, dayStart))),
                    Officers: present.Select(v => v.SubjectId).Distinct().Count(),
                    LastPresentUtc: Min(present.Max(v => v.ExitedUtc), dayEnd),
                    ObservedMinutes: observed,
                    UnobservedMinutes: unobserved));
            }
        }
        return rows.OrderBy(r => r.PoliceDayStartUtc).ThenBy(r => r.HotspotId).ToList();
    }

    /// <summary>The police days (start, end) that overlap [from, to); a day is 24 hours of local time, so 23 or 25 when the clocks change.</summary>
    public static List<(DateTime Start, DateTime End)> PoliceDays(DateTime fromUtc, DateTime toUtc, ForceOptions force)
    {
        var days = new List<(DateTime, DateTime)>();
        var start = force.PoliceDayStartUtc(fromUtc);
        while (start < toUtc)
        {
            var end = force.PoliceDayStartUtc(start.AddHours(26));
            days.Add((start, end));
            start = end;
        }
        return days;
    }

    private static List<(DateTime From, DateTime To)> Union(List<(DateTime From, DateTime To)> intervals)
    {
        var union = new List<(DateTime From, DateTime To)>();
        foreach (var (from, to) in intervals.OrderBy(i => i.From))
        {
            if (union.Count > 0 && from <= union[^1].To) union[^1] = (union[^1].From, Max(union[^1].To, to));
            else union.Add((from, to));
        }
        return union;
    }

    private static double LongestGap(List<(DateTime From, DateTime To)> union, DateTime start, DateTime end)
    {
        var longest = TimeSpan.Zero;
        var cursor = start;
        foreach (var (from, to) in union)
        {
            if (from > cursor) longest = Max(longest, Min(from, end) - cursor);
            cursor = Max(cursor, to);
        }
        if (end > cursor) longest = Max(longest, end - cursor);
        return longest.TotalMinutes;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

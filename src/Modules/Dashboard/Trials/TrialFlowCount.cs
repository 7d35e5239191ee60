using HotSpots.Modules.Dashboard.Compliance;
using HotSpots.Modules.Dashboard.Contracts;

namespace HotSpots.Modules.Dashboard.Trials;

/// <summary>
/// The CONSORT-style flow of a trial's place-days (pure: no I/O, no clock). A treatment place-day is treated with the
/// target dose when its tasked officer-minutes reach the target, with part of it when they are above none; a control
/// place-day is contaminated when a tasked patrol visited it. Baseline presence by arm is <see cref="ArmPresence"/>'s.
/// A place-day is lost to missing data when no crime held reaches its day (no outcome yet) or the location feed
/// recorded nothing in any trial spot that day (no baseline).
/// </summary>
internal static class TrialFlowCount
{
    /// <param name="placeDays">The trial's place-days up to <paramref name="through"/>, with their arm.</param>
    /// <param name="tasked">Tasked patrols' officer-minutes and visits per spot and police day.</param>
    public static TrialFlow Compute(
        DateOnly? through, IReadOnlyList<(long Spot, DateOnly Day, bool Treatment)> placeDays,
        IReadOnlyDictionary<(long Spot, DateOnly Day), (double Minutes, int Visits)> tasked, double targetMinutes,
        IReadOnlyList<ArmPresence.Stay> feed, IReadOnlyList<ArmPresence.Stay> patrols, DateOnly? latestCrimeDay)
    {
        int full = 0, part = 0, none = 0, contaminated = 0;
        double controlMinutes = 0;
        foreach (var (spot, day, treatment) in placeDays)
        {
            var (minutes, visits) = tasked.GetValueOrDefault((spot, day));
            if (treatment)
            {
                if (minutes >= targetMinutes && minutes > 0) full++;
                else if (minutes > 0) part++;
                else none++;
            }
            else if (visits > 0 || minutes > 0)
            {
                contaminated++;
                controlMinutes += minutes;
            }
        }
        var presence = ArmPresence.Compute(placeDays.Select(p => (p.Spot, p.Day, p.Treatment ? "Treatment" : "Control")), feed, patrols);
        var feedDays = feed.Select(f => f.Day).ToHashSet();
        var days = placeDays.Select(p => p.Day).Distinct().ToList();
        bool NoOutcome(DateOnly day) => latestCrimeDay is not { } latest || day > latest;
        return new TrialFlow(through,
            placeDays.Count(p => p.Treatment), placeDays.Count(p => !p.Treatment), targetMinutes, full, part, none, contaminated, controlMinutes,
            presence, latestCrimeDay, placeDays.Count(p => NoOutcome(p.Day)), days.Count(d => !feedDays.Contains(d)),
            placeDays.Count(p => NoOutcome(p.Day) || !feedDays.Contains(p.Day)));
    }
}

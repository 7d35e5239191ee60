using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Tasking.Contracts;

namespace HotSpots.Modules.Dashboard.Evaluation;

/// <summary>
/// The primary analysis of a trial's outcomes so far: for each outcome, the robust rate ratio and difference
/// (<see cref="TrialEffect.Estimate"/>) and the randomisation p-value over <see cref="Draws"/> schedules redrawn with the
/// trial's own generator and design. Pure: the outcomes come in as place-day matrices.
/// </summary>
internal static class TrialAnalysis
{
    /// <summary>Redrawn schedules for the p-value: the smallest p is 1/1000.</summary>
    public const int Draws = 999;

    /// <summary>The arms of the trial's first <paramref name="days"/> days, spots in the trial's order, from its place-days.</summary>
    public static bool[][] Arms(TrialView trial, IReadOnlyList<TrialPlaceDay> placeDays, int days)
    {
        var index = trial.Spots.Select((s, k) => (s.HotspotId, k)).ToDictionary(x => x.HotspotId, x => x.k);
        var arms = Enumerable.Range(0, days).Select(_ => new bool[trial.Spots.Count]).ToArray();
        foreach (var p in placeDays)
        {
            var d = p.PoliceDay.DayNumber - trial.FirstDay.DayNumber;
            if (d >= 0 && d < days && index.TryGetValue(p.HotspotId, out var s)) arms[d][s] = p.Arm == TrialArm.Treatment;
        }
        return arms;
    }

    public static TrialEffectRow? Analyse(TrialView trial, bool[][] arms, PlaceDayMatrix outcome, string analysis, string outcomeName)
    {
        var design = TrialStrata.For(trial.Spots, trial.Design, trial.BlockSize, outcome.Days);
        if (TrialEffect.Estimate(outcome, arms, design) is not { } estimate) return null;
        // Seeds for the redraws come from the trial's own seed, so that the p-value is the same at every look.
        var redraws = TrialAllocation.Seeds(trial.Seed ^ 0x5EED_0F_1F_E2E2L, Draws).Select(seed => TrialAllocation.Draw(trial, seed));
        var p = TrialEffect.RandomisationP(outcome, arms, design, redraws, Sidedness.TwoSided);
        return new TrialEffectRow(analysis, outcomeName, estimate.TreatedTotal, estimate.TreatedExposure, estimate.ControlTotal, estimate.ControlExposure,
            new RateRatio(estimate.Ratio, estimate.Lower, estimate.Upper), estimate.Difference, estimate.DifferenceLower, estimate.DifferenceUpper,
            p, Draws, estimate.Clusters);
    }
}

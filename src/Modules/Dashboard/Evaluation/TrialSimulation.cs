using HotSpots.Modules.Tasking.Contracts;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace HotSpots.Modules.Dashboard.Evaluation;

/// <summary>A spot of the simulation: the trial's view of it and its expected crimes per day (its own history).</summary>
internal sealed record SimulatedSpot(TrialSpot Spot, double RatePerDay);

/// <summary>What to simulate: <paramref name="Trials"/> trials of <paramref name="Days"/> days each, per effect.</summary>
/// <param name="Overdispersion">K: each spot's rate over the trial is its own rate times a gamma factor of mean 1 and variance K (spot
/// effects), and each place-day's crimes are negative binomial with variance μ + K μ². K = 0 is Poisson.</param>
/// <param name="Draws">Redrawn schedules per simulated trial for its randomisation p-value.</param>
internal sealed record SimulationSpec(TrialDesign Design, double Effect, double Overdispersion, long Seed, int Trials, int Days = 365,
    double Share = 0.5, int BlockSize = 2, int Draws = 300);

/// <summary>The shares over the simulated trials (as <see cref="Contracts.TrialSimulationReport"/> describes them).</summary>
internal sealed record SimulationResult(
    SimulationSpec Spec, int Spots, double Coverage, double PlainPoissonCoverage, double TypeIError, double Power,
    double NullCoverage, double PlainPoissonNullCoverage, double MeanRatio, int Undefined);

/// <summary>
/// Simulated trials on given spots, to check the trial statistics: each trial is allocated by the trials' own generator
/// (<see cref="TrialAllocation"/>), crimes are drawn from a negative binomial with spot effects and the true rate ratio in
/// the treated place-days, and the trial is analysed as a real one (<see cref="TrialEffect"/>). Every trial is simulated at
/// effect 1 (type I error) and at the given effect (power, coverage), with the same seeds. Pure and seeded.
/// </summary>
internal static class TrialSimulation
{
    public static SimulationResult Run(SimulationSpec spec, IReadOnlyList<SimulatedSpot> spots)
    {
        if (spots.Count < 2) throw new ArgumentException("The simulation needs at least two spots.", nameof(spots));
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Trials, 1);
        var trialSpots = spots.Select(s => s.Spot).ToList();
        var strata = TrialStrata.For(trialSpots, spec.Design, spec.BlockSize, spec.Days);
        var seeds = TrialAllocation.Seeds(spec.Seed, 3 * spec.Trials);
        var outcomes = new (bool NullReject, bool NullCovered, bool NullPlainCovered, bool Reject, bool Covered, bool PlainCovered, double Ratio, bool Undefined)[spec.Trials];
        var effects = spec.Effect == 1 ? [1.0] : new[] { 1.0, spec.Effect };
        Parallel.For(0, spec.Trials, i =>
        {
            var allocation = TrialAllocation.Draw(trialSpots, spec.Design, spec.Share, spec.Days, spec.BlockSize, seeds[3 * i]);
            var redraws = TrialAllocation.Seeds(seeds[3 * i + 2], spec.Draws)
                .Select(s => TrialAllocation.Draw(trialSpots, spec.Design, spec.Share, spec.Days, spec.BlockSize, s)).ToList();
            var results = effects.Select(effect =>
            {
                // The same noise for both effects (common random numbers), so that power and type I error compare like with like.
                var outcome = Crimes(spots, allocation, spec, effect, seeds[3 * i + 1]);
                var estimate = TrialEffect.Estimate(outcome, allocation, strata);
                var p = TrialEffect.RandomisationP(outcome, allocation, strata, redraws, Sidedness.TwoSided);
                var plain = TrialEffect.PlainPoisson(outcome, allocation);
                return (Reject: p < 0.05, Covered: estimate?.Covers(effect) ?? false,
                    Plain: plain is { } q && q.Lower <= effect && effect <= q.Upper, Ratio: estimate?.Ratio ?? double.NaN, Undefined: estimate is null);
            }).ToList();
            var (atNull, atEffect) = (results[0], results[^1]);
            outcomes[i] = (atNull.Reject, atNull.Covered, atNull.Plain, atEffect.Reject, atEffect.Covered, atEffect.Plain, atEffect.Ratio,
                atNull.Undefined || atEffect.Undefined);
        });
        double Share(Func<int, bool> f) => (double)Enumerable.Range(0, spec.Trials).Count(f) / spec.Trials;
        var ratios = outcomes.Select(o => o.Ratio).Where(double.IsFinite).ToList();
        return new SimulationResult(spec, spots.Count,
            Coverage: Share(i => outcomes[i].Covered), PlainPoissonCoverage: Share(i => outcomes[i].PlainCovered),
            TypeIError: Share(i => outcomes[i].NullReject), Power: Share(i => outcomes[i].Reject),
            NullCoverage: Share(i => outcomes[i].NullCovered), PlainPoissonNullCoverage: Share(i => outcomes[i].NullPlainCovered),
            MeanRatio: ratios.Count > 0 ? ratios.Average() : double.NaN, Undefined: outcomes.Count(o => o.Undefined));
    }

    private static PlaceDayMatrix Crimes(IReadOnlyList<SimulatedSpot> spots, bool[][] treated, SimulationSpec spec, double effect, long seed)
    {
        var random = new Xoshiro256StarStar(unchecked((int)(seed ^ (seed >>> 32))), threadSafe: false);
        var k = spec.Overdispersion;
        var outcome = new PlaceDayMatrix(spots.Count, spec.Days);
        for (var s = 0; s < spots.Count; s++)
        {
            var spotRate = spots[s].RatePerDay * (k > 0 ? Gamma.Sample(random, 1 / k, 1 / k) : 1);
            for (var d = 0; d < spec.Days; d++)
            {
                var mean = spotRate * (treated[d][s] ? effect : 1);
                // Negative binomial as a gamma–Poisson mixture: mean μ, variance μ + K μ².
                var rate = k > 0 ? mean * Gamma.Sample(random, 1 / k, 1 / k) : mean;
                outcome[s, d] = rate > 0 ? Poisson.Sample(random, rate) : 0;
            }
        }
        return outcome;
    }
}

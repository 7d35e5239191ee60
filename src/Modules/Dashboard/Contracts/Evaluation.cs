using HotSpots.Modules.Tasking.Contracts;

namespace HotSpots.Modules.Dashboard.Contracts;

/// <summary>What to simulate (see docs/evaluation.md): trials of a design on the published spots.</summary>
/// <param name="Effect">The true rate ratio in treated place-days (every trial is also simulated at 1).</param>
/// <param name="Overdispersion">K: place-day crimes are negative binomial with variance μ + K μ², and each spot's rate over a trial
/// is its own rate times a gamma factor of mean 1 and variance K. 0 is Poisson with fixed spot rates.</param>
/// <param name="Draws">Redrawn schedules per simulated trial for its randomisation p-value.</param>
public sealed record TrialSimulationRequest(TrialDesign Design, double Effect, double Overdispersion, long Seed, int Trials, int Days, int Draws);

/// <summary>
/// Shares over the simulated trials. Coverage: of the 95 % intervals (robust, and the plain Poisson one for comparison)
/// containing the true rate ratio at the given effect, and at effect 1. Type I error: share of randomisation p &lt; 0.05 at
/// effect 1; power: at the given effect. <paramref name="Undefined"/> counts trials whose ratio was not finite (an arm with no crime).
/// </summary>
public sealed record TrialSimulationReport(
    TrialSimulationRequest Request, int Spots, double MeanCrimesPerSpotDay, double Coverage, double PlainPoissonCoverage,
    double TypeIError, double Power, double NullCoverage, double PlainPoissonNullCoverage, double MeanRatio, int Undefined)
{
    /// <summary>The Monte Carlo standard error of a share over <see cref="TrialSimulationRequest.Trials"/> trials, √(p(1−p)/n).</summary>
    public double MonteCarloError(double share) => Math.Sqrt(share * (1 - share) / Request.Trials);
}

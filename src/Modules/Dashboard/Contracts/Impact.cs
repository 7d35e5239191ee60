namespace HotSpots.Modules.Dashboard.Contracts;

/// <summary>A rate ratio with its 95 % confidence interval.</summary>
public sealed record RateRatio(double Ratio, double Lower, double Upper)
{
    /// <summary>The interval excludes 1.</summary>
    public bool Significant => Upper < 1 || Lower > 1;
}

/// <summary>Events over an exposure (place-days, days) in two groups, and their rate ratio (first over second).</summary>
public sealed record RateComparison(string Label, string FirstName, long First, double FirstExposure, string SecondName, long Second, double SecondExposure, RateRatio? Ratio);

/// <summary>
/// Weighted displacement difference (Bowers and Johnson 2003, with the Poisson variance of Wheeler and Ratcliffe 2018):
/// the change in the spots and in the buffer around them, each net of the control's change scaled to its own before count.
/// Negative: fewer crimes in spots and buffer together than the control predicts.
/// </summary>
public sealed record DisplacementResult(
    long TreatedBefore, long TreatedAfter, long BufferBefore, long BufferAfter, long ControlBefore, long ControlAfter,
    double Wdd, double Lower, double Upper, double? Quotient);

/// <summary>What the impact page shows: the method, treatment against control, before against after, and displacement.</summary>
/// <param name="Outcome">"crimes" or "serious violence".</param>
/// <param name="BySpot">Empty while <paramref name="Withheld"/> says why; only spots the viewer may see named.</param>
/// <param name="Withheld">Why the figures by spot of a running trial are left out for this viewer (<see cref="TrialSight"/>); null when they are shown.</param>
/// <param name="TrialEffects">The trial's primary analysis (robust intervals, randomisation p); <paramref name="TrialItt"/> is the plain
/// Poisson comparison of the same place-days, kept for comparison only: its interval is too narrow.</param>
public sealed record ImpactReport(
    string Method, string Outcome, DateOnly InterventionDay, int WindowDays, string? TrialName,
    IReadOnlyList<TrialEffectRow> TrialEffects, RateComparison? TrialItt, IReadOnlyList<RateComparison> BeforeAfter, RateComparison? DifferenceInDifferences,
    DisplacementResult? Displacement, double BufferMetres, IReadOnlyList<SpotImpact> BySpot, string? Withheld, Chart Chart);

public sealed record SpotImpact(string Spot, long Before, long After, long BufferBefore, long BufferAfter);

/// <summary>
/// A trial's effect on one outcome, as the primary analysis states it (docs/evaluation.md, "Trials"): the rate ratio treated over
/// control with a 95 % interval that allows for overdispersion and clustering by spot, the difference in rate per place-day
/// with its interval, and the two-sided randomisation p-value over <paramref name="Draws"/> schedules redrawn by the trial's
/// own generator (null when the ratio is not finite).
/// </summary>
/// <param name="Analysis">"intention to treat" (every place-day in the arm it was randomised to).</param>
/// <param name="Outcome">e.g. "serious violence" or "harm (CCHI days)".</param>
/// <param name="Clusters">The clusters the interval rests on (spots, spot-periods or blocks).</param>
public sealed record TrialEffectRow(
    string Analysis, string Outcome, double Treated, double TreatedPlaceDays, double Control, double ControlPlaceDays, RateRatio Ratio,
    double Difference, double DifferenceLower, double DifferenceUpper, double? P, int Draws, int Clusters);

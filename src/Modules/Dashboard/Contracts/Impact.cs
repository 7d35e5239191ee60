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
public sealed record ImpactReport(
    string Method, string Outcome, DateOnly InterventionDay, int WindowDays, string? TrialName,
    RateComparison? TrialItt, IReadOnlyList<RateComparison> BeforeAfter, RateComparison? DifferenceInDifferences,
    DisplacementResult? Displacement, double BufferMetres, IReadOnlyList<SpotImpact> BySpot, string? Withheld, Chart Chart);

public sealed record SpotImpact(string Spot, long Before, long After, long BufferBefore, long BufferAfter);

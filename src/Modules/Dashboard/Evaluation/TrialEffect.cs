using HotSpots.Modules.Tasking.Contracts;
using MathNet.Numerics.Distributions;

namespace HotSpots.Modules.Dashboard.Evaluation;

/// <summary>
/// One outcome of a trial's place-days, spot by spot and day by day: crimes (or harm) in each, and whether the place-day
/// counts in the analysis (a day not yet over, or a per-protocol exclusion, does not).
/// </summary>
internal sealed class PlaceDayMatrix
{
    public PlaceDayMatrix(int spots, int days)
    {
        Spots = spots;
        Days = days;
        Value = new double[spots * days];
        Counted = new bool[spots * days];
        Array.Fill(Counted, true);
    }

    public int Spots { get; }

    public int Days { get; }

    /// <summary>The outcome of spot s on day d at [s · Days + d].</summary>
    public double[] Value { get; }

    public bool[] Counted { get; }

    public double this[int spot, int day]
    {
        get => Value[spot * Days + day];
        set => Value[spot * Days + day] = value;
    }
}

/// <summary>Two-sided (any effect), or one-sided where the plan states that only a fall in crime is tested.</summary>
internal enum Sidedness
{
    TwoSided,
    Lower,
}

/// <summary>
/// A treatment effect with intervals that allow for overdispersion and clustering by spot. Ratio: a Poisson log-linear
/// model with arm and stratum effects (a stratum is the spot in the daily design, the ranked block, or the whole trial
/// for fixed arms), with cluster-robust errors by spot (by block for ranked blocks): the sandwich, or its jackknife form for
/// fixed arms, and Student's t on the effective number of clusters less one. Difference: treated minus control rate per place-day, with the same robust errors.
/// </summary>
internal sealed record EffectEstimate(
    double Ratio, double Lower, double Upper, double Difference, double DifferenceLower, double DifferenceUpper,
    double LogRatio, double StandardError, int Clusters, double TreatedTotal, double TreatedExposure, double ControlTotal, double ControlExposure)
{
    public bool Covers(double ratio) => Lower <= ratio && ratio <= Upper;
}

/// <summary>
/// The trial's effect statistics as pure functions: the robust effect estimate, its randomisation p-value over redrawn
/// schedules, and the plain Poisson interval kept for comparison. No I/O, no clock.
/// </summary>
internal static class TrialEffect
{
    /// <summary>Totals of one spot (cluster) in each arm: outcome and place-days.</summary>
    private readonly record struct Totals(double[] TreatedY, double[] TreatedN, double[] ControlY, double[] ControlN);

    /// <summary>
    /// The robust estimate for the arms <paramref name="treated"/> ([day][spot]) and the strata and clusters of the design
    /// (<paramref name="design"/>). Null when an arm has no outcome, so that the ratio is not finite.
    /// </summary>
    public static EffectEstimate? Estimate(PlaceDayMatrix outcome, bool[][] treated, TrialStrata design)
    {
        var totals = Sum(outcome, treated, design.PeriodDays);
        if (LogRatio(totals, design.Stratum) is not { } beta) return null;
        // One stratum (fixed arms): each spot is a large share of its arm's total, and the plain sandwich understates (its
        // residuals are shrunk by the fit), so the jackknife; with a rate per stratum (daily place-days, ranked blocks) the sandwich.
        var (variance, clusters) = design.Stratum.Distinct().Count() == 1 ? JackknifeVariance(totals, design) : SandwichVariance(totals, design, beta);
        if (clusters < 2 || !double.IsFinite(variance)) return null;
        var se = Math.Sqrt(variance);
        var t = StudentT.InvCDF(0, 1, EffectiveClusters(totals, design, beta) - 1, 0.975);
        double yT = totals.TreatedY.Sum(), nT = totals.TreatedN.Sum(), yC = totals.ControlY.Sum(), nC = totals.ControlN.Sum();
        var (rT, rC) = (yT / nT, yC / nC);
        var differenceVariance = Jackknife(totals, design.Cluster, t => t.TreatedY.Sum() / t.TreatedN.Sum() - t.ControlY.Sum() / t.ControlN.Sum());
        var differenceSe = Math.Sqrt(differenceVariance);
        return new EffectEstimate(Math.Exp(beta), Math.Exp(beta - t * se), Math.Exp(beta + t * se), rT - rC, rT - rC - t * differenceSe,
            rT - rC + t * differenceSe, beta, se, clusters, yT, nT, yC, nC);
    }

    /// <summary>
    /// The randomisation p-value: the share of schedules drawn by the trial's own generator (<paramref name="redraws"/>) whose
    /// log rate ratio is at least as extreme as the observed one, counting the observed schedule itself:
    /// (1 + #{extreme}) / (1 + N). Exact for the design under the null of no effect on any place-day. Null when the observed
    /// ratio is not finite.
    /// </summary>
    public static double? RandomisationP(PlaceDayMatrix outcome, bool[][] observed, TrialStrata design, IEnumerable<bool[][]> redraws, Sidedness sided)
    {
        var stratum = design.Stratum;
        if (LogRatio(Sum(outcome, observed, design.PeriodDays), stratum) is not { } beta) return null;
        // Ties count as extreme (a tolerance for rounding), so that the p-value never understates.
        var tolerance = 1e-9 * Math.Max(1, Math.Abs(beta));
        int extreme = 0, draws = 0;
        foreach (var draw in redraws)
        {
            draws++;
            var totals = Sum(outcome, draw, design.PeriodDays);
            var alt = LogRatio(totals, stratum) ?? Limit(totals);
            if (double.IsNaN(alt)) continue;
            if (sided == Sidedness.TwoSided ? Math.Abs(alt) >= Math.Abs(beta) - tolerance : alt <= beta + tolerance) extreme++;
        }
        return (1.0 + extreme) / (1.0 + draws);
    }

    /// <summary>The plain Poisson interval over pooled place-days, exp(ln RR ± 1.96 √(1/a + 1/b)): shown for comparison only.</summary>
    public static (double Ratio, double Lower, double Upper)? PlainPoisson(PlaceDayMatrix outcome, bool[][] treated)
    {
        var totals = Sum(outcome, treated, outcome.Days);
        double yT = totals.TreatedY.Sum(), nT = totals.TreatedN.Sum(), yC = totals.ControlY.Sum(), nC = totals.ControlN.Sum();
        if (yT <= 0 || yC <= 0 || nT <= 0 || nC <= 0) return null;
        var beta = Math.Log(yT / nT / (yC / nC));
        var se = Math.Sqrt(1 / yT + 1 / yC);
        return (Math.Exp(beta), Math.Exp(beta - 1.959963984540054 * se), Math.Exp(beta + 1.959963984540054 * se));
    }

    /// <summary>Totals per unit: a spot over a period of <paramref name="periodDays"/> days (unit s · P + d / periodDays, P periods).</summary>
    private static Totals Sum(PlaceDayMatrix outcome, bool[][] treated, int periodDays)
    {
        var (spots, days) = (outcome.Spots, outcome.Days);
        var periods = (days + periodDays - 1) / periodDays;
        var units = spots * periods;
        var totals = new Totals(new double[units], new double[units], new double[units], new double[units]);
        for (var s = 0; s < spots; s++)
        {
            var row = s * days;
            for (var d = 0; d < days; d++)
            {
                if (!outcome.Counted[row + d]) continue;
                var u = s * periods + d / periodDays;
                if (treated[d][s]) { totals.TreatedY[u] += outcome.Value[row + d]; totals.TreatedN[u]++; }
                else { totals.ControlY[u] += outcome.Value[row + d]; totals.ControlN[u]++; }
            }
        }
        return totals;
    }

    /// <summary>A schedule under which one arm had no outcome: its ratio is 0 or infinite (NaN when neither arm had any).</summary>
    private static double Limit(Totals totals) =>
        (totals.TreatedY.Sum() > 0, totals.ControlY.Sum() > 0) switch
        {
            (true, false) => double.PositiveInfinity,
            (false, true) => double.NegativeInfinity,
            _ => double.NaN,
        };

    /// <summary>Per stratum: outcome and place-days in each arm; a stratum informs the ratio when it has both arms and any outcome.</summary>
    private static (double[] YT, double[] NT, double[] Y, double[] NC, int Count) Strata(Totals totals, int[] stratum)
    {
        var count = stratum.Length == 0 ? 0 : stratum.Max() + 1;
        double[] yT = new double[count], nT = new double[count], y = new double[count], nC = new double[count];
        for (var c = 0; c < stratum.Length; c++)
        {
            var g = stratum[c];
            yT[g] += totals.TreatedY[c];
            nT[g] += totals.TreatedN[c];
            y[g] += totals.TreatedY[c] + totals.ControlY[c];
            nC[g] += totals.ControlN[c];
        }
        return (yT, nT, y, nC, count);
    }

    private static bool Informs(double nT, double nC, double y) => nT > 0 && nC > 0 && y > 0;

    /// <summary>
    /// The maximum-likelihood log rate ratio with a free rate per stratum (the strata's rates profiled out), by Newton's method
    /// on Σ_g [Y_Tg − Y_g q_g(β)] = 0 with q_g = N_Tg e^β / (N_Cg + N_Tg e^β). Null when it is not finite.
    /// </summary>
    private static double? LogRatio(Totals totals, int[] stratum)
    {
        var (yT, nT, y, nC, count) = Strata(totals, stratum);
        double sumT = 0, sumY = 0, sumNT = 0, sumNC = 0;
        for (var g = 0; g < count; g++)
        {
            if (!Informs(nT[g], nC[g], y[g])) continue;
            (sumT, sumY, sumNT, sumNC) = (sumT + yT[g], sumY + y[g], sumNT + nT[g], sumNC + nC[g]);
        }
        if (sumT <= 0 || sumT >= sumY) return null;
        var beta = Math.Log(sumT / sumNT / ((sumY - sumT) / sumNC));
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double score = 0, information = 0;
            var e = Math.Exp(beta);
            for (var g = 0; g < count; g++)
            {
                if (!Informs(nT[g], nC[g], y[g])) continue;
                var q = nT[g] * e / (nC[g] + nT[g] * e);
                score += yT[g] - y[g] * q;
                information += y[g] * q * (1 - q);
            }
            var step = Math.Clamp(score / information, -1, 1);
            beta += step;
            if (Math.Abs(step) < 1e-12) break;
        }
        return beta;
    }

    /// <summary>
    /// The cluster-robust variance of the log ratio in its jackknife form (CR3): the estimate again with each cluster left out,
    /// V = (G−1)/G Σ (β₋c − β̄)², G the clusters that have place-days. With few clusters it keeps its level better than the
    /// plain sandwich with the G/(G−1) factor, which it approximates with many.
    /// </summary>
    private static (double Variance, int Clusters) JackknifeVariance(Totals totals, TrialStrata design)
    {
        var clusters = design.Cluster.Where((_, c) => totals.TreatedN[c] + totals.ControlN[c] > 0).Distinct().Count();
        if (clusters < 2) return (double.NaN, clusters);
        return (Jackknife(totals, design.Cluster, t => LogRatio(t, design.Stratum) ?? double.NaN), clusters);
    }

    /// <summary>
    /// The degrees of freedom come from the effective number of clusters, (Σ_c H_c)² / Σ_c H_c², H_c a cluster's share of the
    /// information Σ μ (x − q_g)²: with equal clusters it is G; when one busy spot carries most of the information, the variance
    /// rests on few clusters and the interval widens accordingly (a Satterthwaite approximation in the spirit of Bell and McCaffrey
    /// 2002). At least 2, at most G.
    /// </summary>
    private static double EffectiveClusters(Totals totals, TrialStrata design, double beta)
    {
        var (_, nT, y, nC, count) = Strata(totals, design.Stratum);
        var e = Math.Exp(beta);
        var byCluster = new Dictionary<int, double>();
        for (var c = 0; c < design.Stratum.Length; c++)
        {
            var g = design.Stratum[c];
            if (!Informs(nT[g], nC[g], y[g])) continue;
            var q = nT[g] * e / (nC[g] + nT[g] * e);
            var rate = y[g] / (nC[g] + nT[g] * e);
            var information = totals.TreatedN[c] * rate * e * (1 - q) * (1 - q) + totals.ControlN[c] * rate * q * q;
            byCluster[design.Cluster[c]] = byCluster.GetValueOrDefault(design.Cluster[c]) + information;
        }
        double sum = byCluster.Values.Sum(), squares = byCluster.Values.Sum(h => h * h);
        return squares > 0 ? Math.Clamp(sum * sum / squares, 2, byCluster.Count) : 2;
    }

    /// <summary>
    /// The cluster-robust (sandwich) variance of the log ratio: Σ_c u_c² / H² × G/(G−1), u_c a cluster's score for β net of its
    /// stratum's rate, Σ over its place-days of (y − μ)(x − q_g), and H = Σ_g Y_g q_g (1 − q_g).
    /// </summary>
    private static (double Variance, int Clusters) SandwichVariance(Totals totals, TrialStrata design, double beta)
    {
        var (_, nT, y, nC, count) = Strata(totals, design.Stratum);
        var e = Math.Exp(beta);
        double information = 0;
        var score = new Dictionary<int, double>();
        for (var g = 0; g < count; g++)
            if (Informs(nT[g], nC[g], y[g])) { var q = nT[g] * e / (nC[g] + nT[g] * e); information += y[g] * q * (1 - q); }
        for (var c = 0; c < design.Stratum.Length; c++)
        {
            var g = design.Stratum[c];
            if (!Informs(nT[g], nC[g], y[g]) || totals.TreatedN[c] + totals.ControlN[c] == 0) continue;
            var q = nT[g] * e / (nC[g] + nT[g] * e);
            var rate = y[g] / (nC[g] + nT[g] * e);
            var u = (totals.TreatedY[c] - totals.TreatedN[c] * rate * e) * (1 - q) - (totals.ControlY[c] - totals.ControlN[c] * rate) * q;
            score[design.Cluster[c]] = score.GetValueOrDefault(design.Cluster[c]) + u;
        }
        var clusters = score.Count;
        if (clusters < 2) return (double.NaN, clusters);
        return (score.Values.Sum(u => u * u) / (information * information) * clusters / (clusters - 1), clusters);
    }

    /// <summary>The delete-one-cluster jackknife variance of a statistic of the totals; NaN when leaving a cluster out leaves it undefined.</summary>
    private static double Jackknife(Totals totals, int[] cluster, Func<Totals, double> statistic)
    {
        var ids = cluster.Where((_, c) => totals.TreatedN[c] + totals.ControlN[c] > 0).Distinct().ToArray();
        var values = new double[ids.Length];
        for (var k = 0; k < ids.Length; k++)
        {
            var left = new Totals((double[])totals.TreatedY.Clone(), (double[])totals.TreatedN.Clone(), (double[])totals.ControlY.Clone(), (double[])totals.ControlN.Clone());
            for (var c = 0; c < cluster.Length; c++)
                if (cluster[c] == ids[k]) left.TreatedY[c] = left.TreatedN[c] = left.ControlY[c] = left.ControlN[c] = 0;
            values[k] = statistic(left);
        }
        if (values.Any(v => !double.IsFinite(v))) return double.NaN;
        var mean = values.Average();
        return (ids.Length - 1.0) / ids.Length * values.Sum(v => (v - mean) * (v - mean));
    }
}

/// <summary>
/// How a design's place-days are grouped for the estimate. A unit is a spot over a period of <see cref="PeriodDays"/> days;
/// each unit has a stratum (with its own rate, a free parameter) and a cluster (whose place-days may be correlated; the
/// errors are robust to that). Daily place-days: the stratum is the spot and the cluster the spot over four weeks
/// (<see cref="DailyClusterDays"/>), since each place-day is randomised and what stays correlated once the spot's own rate is
/// taken out is crime close in time at the same place. Fixed arms: one stratum, the spot (over the whole trial) is the
/// cluster. Ranked blocks: stratum and cluster are the block, whose spots share one draw.
/// </summary>
internal sealed record TrialStrata(int PeriodDays, int[] Stratum, int[] Cluster)
{
    public const int DailyClusterDays = 28;

    public static TrialStrata For(IReadOnlyList<TrialSpot> spots, TrialDesign design, int blockSize, int days)
    {
        var own = Enumerable.Range(0, spots.Count).ToArray();
        switch (design)
        {
            case TrialDesign.DailyPlaceDays:
                var periods = (days + DailyClusterDays - 1) / DailyClusterDays;
                var units = Enumerable.Range(0, spots.Count * periods).ToArray();
                return new(DailyClusterDays, units.Select(u => u / periods).ToArray(), units);
            case TrialDesign.RankedBlocks:
                var blocks = TrialAllocation.Blocks(spots, blockSize);
                return new(days, blocks, blocks);
            default:
                return new(days, new int[spots.Count], own);
        }
    }
}

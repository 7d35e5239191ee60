using HotSpots.Modules.Dashboard.Contracts;

namespace HotSpots.Modules.Dashboard.Impact;

/// <summary>The statistics of the impact page, as plain functions so that tests can check them by hand.</summary>
internal static class RateStatistics
{
    /// <summary>The 97.5th percentile of the standard normal distribution.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// Rate ratio (a / exposureA) / (b / exposureB) with the Poisson (log) interval exp(ln RR ± 1.96 √(1/a + 1/b)).
    /// Null when either count or exposure is zero: the ratio or its interval would be infinite.
    /// </summary>
    public static RateRatio? Ratio(long a, double exposureA, long b, double exposureB)
    {
        if (a <= 0 || b <= 0 || exposureA <= 0 || exposureB <= 0) return null;
        var ratio = a / exposureA / (b / exposureB);
        return Interval(ratio, Math.Sqrt(1.0 / a + 1.0 / b));
    }

    /// <summary>
    /// Difference in differences as a ratio of rate ratios: (treatedAfter / treatedBefore) / (controlAfter / controlBefore), equal
    /// periods, with the log interval ± 1.96 √(Σ 1/count).
    /// </summary>
    public static RateRatio? RatioOfRatios(long treatedAfter, long treatedBefore, long controlAfter, long controlBefore)
    {
        if (treatedAfter <= 0 || treatedBefore <= 0 || controlAfter <= 0 || controlBefore <= 0) return null;
        var ratio = (double)treatedAfter / treatedBefore / ((double)controlAfter / controlBefore);
        return Interval(ratio, Math.Sqrt(1.0 / treatedAfter + 1.0 / treatedBefore + 1.0 / controlAfter + 1.0 / controlBefore));
    }

    /// <summary>
    /// Weighted displacement difference: (T1 − T0) − kT (C1 − C0) + (D1 − D0) − kD (C1 − C0), where T is the treated area, D the buffer,
    /// C the control, 0 before and 1 after, and kT = T0 / C0, kD = D0 / C0 scale the control's change to each area. Counts are taken
    /// as independent Poisson, so the variance is T1 + T0 + D1 + D0 + (kT + kD)² (C1 + C0). The quotient is Bowers and Johnson's
    /// (D1/C1 − D0/C0) / (T1/C1 − T0/C0): above 0 diffusion of benefit, below 0 displacement (when the spots improved).
    /// </summary>
    public static DisplacementResult? Displacement(long t0, long t1, long d0, long d1, long c0, long c1)
    {
        if (c0 <= 0 || c1 <= 0) return null;
        var kT = (double)t0 / c0;
        var kD = (double)d0 / c0;
        var wdd = (t1 - t0) - kT * (c1 - c0) + (d1 - d0) - kD * (c1 - c0);
        var sd = Math.Sqrt(t1 + t0 + d1 + d0 + (kT + kD) * (kT + kD) * (c1 + c0));
        var treated = (double)t1 / c1 - (double)t0 / c0;
        double? quotient = treated == 0 ? null : ((double)d1 / c1 - (double)d0 / c0) / treated;
        return new DisplacementResult(t0, t1, d0, d1, c0, c1, wdd, wdd - Z95 * sd, wdd + Z95 * sd, quotient);
    }

    private static RateRatio Interval(double ratio, double se) =>
        new(ratio, Math.Exp(Math.Log(ratio) - Z95 * se), Math.Exp(Math.Log(ratio) + Z95 * se));
}

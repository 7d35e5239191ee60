using HotSpots.Modules.Dashboard.Impact;

namespace HotSpots.Dashboard.Tests;

/// <summary>The impact statistics against examples worked by hand (the arithmetic is in each test).</summary>
public sealed class RateStatisticsTests
{
    [Fact]
    public void A_rate_ratio_has_the_poisson_log_interval()
    {
        // 30 crimes on 100 treatment place-days against 50 on 100 control place-days:
        // RR = 0.30 / 0.50 = 0.6; SE(ln RR) = √(1/30 + 1/50) = √0.0533333 = 0.2309401;
        // ln 0.6 = −0.5108256; ± 1.959964 × 0.2309401 = ± 0.4526341 → exp(−0.9634597) = 0.381570, exp(−0.0581915) = 0.943469.
        var ratio = RateStatistics.Ratio(30, 100, 50, 100)!;
        ratio.Ratio.ShouldBe(0.6, 1e-12);
        ratio.Lower.ShouldBe(0.381570, 1e-6);
        ratio.Upper.ShouldBe(0.943469, 1e-6);
        ratio.Significant.ShouldBeTrue();
    }

    [Fact]
    public void Unequal_exposures_enter_the_ratio_but_not_the_interval_width()
    {
        // 12 crimes in 40 treatment place-days (0.3 a day) against 45 in 90 control place-days (0.5 a day): RR = 0.6 again;
        // SE = √(1/12 + 1/45) = √0.1055556 = 0.3248931; ± 1.959964 × 0.3248931 = ± 0.6367788
        // → exp(−0.5108256 − 0.6367788) = exp(−1.1476044) = 0.317396, exp(0.1259532) = 1.134229: not significant.
        var ratio = RateStatistics.Ratio(12, 40, 45, 90)!;
        ratio.Ratio.ShouldBe(0.6, 1e-12);
        ratio.Lower.ShouldBe(0.317396, 1e-6);
        ratio.Upper.ShouldBe(1.134229, 1e-6);
        ratio.Significant.ShouldBeFalse();
    }

    [Fact]
    public void No_ratio_when_a_group_has_no_crimes()
    {
        RateStatistics.Ratio(0, 100, 5, 100).ShouldBeNull();
        RateStatistics.Ratio(5, 0, 5, 100).ShouldBeNull();
    }

    [Fact]
    public void The_difference_in_differences_is_a_ratio_of_rate_ratios()
    {
        // Spots 40 before, 25 after; control 200 before, 190 after: R = (25/40) / (190/200) = 0.625 / 0.95 = 0.6578947;
        // SE = √(1/25 + 1/40 + 1/190 + 1/200) = √(0.04 + 0.025 + 0.0052632 + 0.005) = √0.0752632 = 0.2743414;
        // ln R = −0.4187103; ± 1.959964 × 0.2743414 = ± 0.5376993 → exp(−0.9564096) = 0.384270, exp(0.1189890) = 1.126357.
        var ratio = RateStatistics.RatioOfRatios(25, 40, 190, 200)!;
        ratio.Ratio.ShouldBe(0.6578947, 1e-6);
        ratio.Lower.ShouldBe(0.384270, 1e-6);
        ratio.Upper.ShouldBe(1.126357, 1e-6);
    }

    [Fact]
    public void The_weighted_displacement_difference_nets_out_the_control_and_counts_the_buffer()
    {
        // Treated 40 → 25, buffer 30 → 33, control 400 → 380.
        // kT = 40/400 = 0.1, kD = 30/400 = 0.075, control change −20.
        // WDD = (25 − 40) − 0.1 × (−20) + (33 − 30) − 0.075 × (−20) = −15 + 2 + 3 + 1.5 = −8.5.
        // Var = 25 + 40 + 33 + 30 + (0.1 + 0.075)² × (380 + 400) = 128 + 0.030625 × 780 = 151.8875; SD = 12.324264;
        // ± 1.959964 × 12.324264 = ± 24.155115 → (−32.655115, 15.655115).
        // Quotient = (33/380 − 30/400) / (25/380 − 40/400) = (0.0868421 − 0.075) / (0.0657895 − 0.1) = 0.0118421 / −0.0342105 = −0.346154.
        var d = RateStatistics.Displacement(t0: 40, t1: 25, d0: 30, d1: 33, c0: 400, c1: 380)!;
        d.Wdd.ShouldBe(-8.5, 1e-9);
        d.Lower.ShouldBe(-32.655115, 1e-5);
        d.Upper.ShouldBe(15.655115, 1e-5);
        d.Quotient!.Value.ShouldBe(-0.346154, 1e-6);
    }

    [Fact]
    public void Displacement_needs_control_crimes_in_both_periods() =>
        RateStatistics.Displacement(10, 5, 3, 3, 0, 100).ShouldBeNull();
}

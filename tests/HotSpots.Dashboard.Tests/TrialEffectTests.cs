using HotSpots.Modules.Dashboard.Evaluation;
using HotSpots.Modules.Tasking.Contracts;

namespace HotSpots.Dashboard.Tests;

/// <summary>The trial's effect statistics (docs/evaluation.md, "Trials") against examples worked by hand.</summary>
public sealed class TrialEffectTests
{
    private static List<TrialSpot> Spots(int n) => Enumerable.Range(1, n).Select(i => new TrialSpot($"S{i:00}", i, i, $"Spot {i}", 100 - i)).ToList();

    private static bool[][] Fixed(int days, params bool[] treated) => Enumerable.Repeat(treated, days).ToArray();

    [Fact]
    public void In_the_daily_design_each_spot_is_compared_with_itself_so_a_busy_spot_treated_more_often_does_not_bias_the_ratio()
    {
        // Spot A has 10 crimes a day, spot B 1; treatment halves both. A is treated on 3 of 4 days, B on 1 of 4.
        // Within each spot the ratio is exactly 0.5. Pooled: treated (3·5 + 0.5) / 4 = 3.875 a place-day, control (10 + 3·1) / 4 = 3.25:
        // the plain ratio 3.875 / 3.25 = 1.1923 says treatment raised crime.
        var outcome = new PlaceDayMatrix(2, 4);
        bool[][] treated = [[true, true], [true, false], [true, false], [false, false]];
        for (var d = 0; d < 4; d++)
        {
            outcome[0, d] = treated[d][0] ? 5 : 10;
            outcome[1, d] = treated[d][1] ? 0.5 : 1;
        }
        var design = TrialStrata.For(Spots(2), TrialDesign.DailyPlaceDays, 2, 4);

        TrialEffect.Estimate(outcome, treated, design)!.Ratio.ShouldBe(0.5, 1e-9);
        TrialEffect.PlainPoisson(outcome, treated)!.Value.Ratio.ShouldBe(3.875 / 3.25, 1e-9);
    }

    [Fact]
    public void Fixed_arms_take_the_ratio_of_pooled_rates_with_a_jackknife_error_by_spot()
    {
        // Four spots, ten days each: treated spots 10 and 20 crimes, control spots 30 and 40. RR = 30 / 70 = 0.428571.
        // Leaving one spot out (its crimes and its place-days): (20/10)/(70/20) = 0.571429, (10/10)/3.5 = 0.285714,
        // (30/20)/(40/10) = 0.375, 1.5/3 = 0.5; logs −0.559616, −1.252763, −0.980829, −0.693147; mean −0.871589;
        // V = 3/4 · Σ (β₋c − mean)² = 3/4 · 0.286396 = 0.214797, SE = 0.463462.
        // Difference: 30/20 − 70/20 = 1.5 − 3.5 = −2 crimes a place-day.
        var outcome = new PlaceDayMatrix(4, 10);
        double[] totals = [10, 20, 30, 40];
        for (var s = 0; s < 4; s++)
            for (var d = 0; d < 10; d++) outcome[s, d] = totals[s] / 10;
        var treated = Fixed(10, true, true, false, false);

        var estimate = TrialEffect.Estimate(outcome, treated, TrialStrata.For(Spots(4), TrialDesign.FixedArms, 2, 10))!;

        estimate.Ratio.ShouldBe(30.0 / 70, 1e-9);
        estimate.StandardError.ShouldBe(0.463462, 1e-6);
        estimate.Difference.ShouldBe(-2, 1e-9);
        // Effective clusters (Σ H)² / Σ H² = 21² / 127.89 = 3.45 (H = 7.35 for each treated spot, 3.15 for each control):
        // Student's t on 3.45 − 1 = 2.45 degrees of freedom lies between t(3) = 3.182 and t(2) = 4.303.
        estimate.Lower.ShouldBeInRange(Math.Exp(Math.Log(30.0 / 70) - 4.303 * 0.463462), Math.Exp(Math.Log(30.0 / 70) - 3.182 * 0.463462));
        estimate.Upper.ShouldBeInRange(Math.Exp(Math.Log(30.0 / 70) + 3.182 * 0.463462), Math.Exp(Math.Log(30.0 / 70) + 4.303 * 0.463462));
        // The plain Poisson interval, √(1/30 + 1/70) = 0.218218, is far narrower: it takes the spots for 100 independent crimes.
        var plain = TrialEffect.PlainPoisson(outcome, treated)!.Value;
        plain.Lower.ShouldBe(Math.Exp(Math.Log(30.0 / 70) - 1.959964 * 0.218218), 1e-5);
    }

    [Fact]
    public void The_randomisation_p_value_counts_the_redrawn_schedules_as_extreme_as_the_observed_one()
    {
        // Twenty spots over thirty days, randomised daily; treated place-days have 10 crimes, control ones 1. The observed schedule
        // gives ln 10; a redrawn one mixes the arms and gives near 0, so none of 99 is as extreme: p = 1 / (1 + 99) = 0.01.
        var spots = Spots(20);
        var observed = TrialAllocation.Draw(spots, TrialDesign.DailyPlaceDays, 0.5, 30, 2, 11);
        var outcome = new PlaceDayMatrix(20, 30);
        for (var s = 0; s < 20; s++)
            for (var d = 0; d < 30; d++) outcome[s, d] = observed[d][s] ? 10 : 1;
        var design = TrialStrata.For(spots, TrialDesign.DailyPlaceDays, 2, 30);
        IEnumerable<bool[][]> Redraws() => TrialAllocation.Seeds(5, 99).Select(seed => TrialAllocation.Draw(spots, TrialDesign.DailyPlaceDays, 0.5, 30, 2, seed));

        TrialEffect.Estimate(outcome, observed, design)!.Ratio.ShouldBe(10, 1e-9);
        TrialEffect.RandomisationP(outcome, observed, design, Redraws(), Sidedness.TwoSided)!.Value.ShouldBe(0.01, 1e-12);
        // One-sided for a fall in crime: every redraw is at least as low as a rise of ten times, so p = 1.
        TrialEffect.RandomisationP(outcome, observed, design, Redraws(), Sidedness.Lower)!.Value.ShouldBe(1, 1e-12);
    }

    [Fact]
    public void With_two_spots_in_fixed_arms_every_schedule_is_as_extreme_and_the_test_cannot_reject()
    {
        // Two spots, one treated: the only other schedule swaps them and gives −β. Two-sided, every redraw ties: p = 1.
        var spots = Spots(2);
        var outcome = new PlaceDayMatrix(2, 7);
        for (var d = 0; d < 7; d++) (outcome[0, d], outcome[1, d]) = (1, 3);
        var observed = Fixed(7, true, false);
        var design = TrialStrata.For(spots, TrialDesign.FixedArms, 2, 7);
        var redraws = TrialAllocation.Seeds(9, 49).Select(seed => TrialAllocation.Draw(spots, TrialDesign.FixedArms, 0.5, 7, 2, seed));

        TrialEffect.RandomisationP(outcome, observed, design, redraws, Sidedness.TwoSided).ShouldBe(1);
    }

    [Fact]
    public void An_arm_without_crime_has_no_finite_ratio_and_no_p_value()
    {
        var outcome = new PlaceDayMatrix(2, 3);
        for (var d = 0; d < 3; d++) outcome[1, d] = 2;
        var observed = Fixed(3, true, false);
        var design = TrialStrata.For(Spots(2), TrialDesign.FixedArms, 2, 3);

        TrialEffect.Estimate(outcome, observed, design).ShouldBeNull();
        TrialEffect.RandomisationP(outcome, observed, design, [], Sidedness.TwoSided).ShouldBeNull();
    }
}

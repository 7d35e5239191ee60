using HotSpots.Modules.Hotspots.Engine;

namespace HotSpots.Hotspots.Tests;

/// <summary>Each score on grids small enough to check by hand.</summary>
public sealed class ScoreTests
{
    [Fact]
    public void The_quartic_kernel_adds_w_times_one_minus_d2_over_h2_squared_at_each_cell_centre_within_the_bandwidth()
    {
        // Cells of 150 m from (-150, -150); one point of weight 2 at (125, 75): 50 m east of the centre of cell (0, 0).
        var frame = new GridFrame(150, -1, -1, 4, 4);
        var density = QuarticKde.AtCellCentres(frame, [125.0], [75.0], [2f], bandwidth: 200);
        float At(int column, int row) => density[frame.IndexOf(new Cell(column, row))];

        At(0, 0).ShouldBe(2 * 0.87890625f, 1e-6f);  // d = 50:  (1 − 2500/40000)² = 0.9375² = 0.87890625
        At(1, 0).ShouldBe(2 * 0.5625f, 1e-6f);      // d = 100: (1 − 10000/40000)² = 0.75² = 0.5625
        At(0, 1).ShouldBe(2 * 0.140625f, 1e-6f);    // d² = 50² + 150² = 25000: (1 − 0.625)² = 0.140625
        At(1, 1).ShouldBe(2 * 0.03515625f, 1e-6f);  // d² = 100² + 150² = 32500: (1 − 0.8125)² = 0.03515625
        At(-1, 0).ShouldBe(0f);                     // d = 200: on the bandwidth, (1 − 1)² = 0
        At(2, 0).ShouldBe(0f);                      // d = 250: beyond it
        density.Sum().ShouldBe(2 * (0.87890625f + 0.5625f + 2 * (0.140625f + 0.03515625f)), 1e-5f); // and the row below
    }

    [Fact]
    public void Gi_star_compares_each_window_sum_with_what_the_area_mean_would_give()
    {
        // A 4 × 4 grid, all cells in the study area: 8 crimes in cell (1, 1), 4 in cell (2, 1), none elsewhere.
        var frame = new GridFrame(150, 0, 0, 4, 4);
        var values = new float[16];
        values[frame.IndexOf(new Cell(1, 1))] = 8;
        values[frame.IndexOf(new Cell(2, 1))] = 4;
        var study = Enumerable.Repeat(true, 16).ToArray();
        var z = GetisOrd.ZScores(frame, values, study, radius: 1);

        // n = 16, mean = 12 / 16 = 0.75, S = √(Σx²/n − mean²) = √(80/16 − 0.5625) = √4.4375 = 2.106537
        // Cell (1, 1): its 3 × 3 window holds 9 cells and both crimes' cells, sum 12:
        //   (12 − 0.75·9) / (S·√((16·9 − 9²)/15)) = 5.25 / (2.106537·√4.2) = 5.25 / 4.317130 = 1.216085
        z[frame.IndexOf(new Cell(1, 1))].ShouldBe(1.216085, 1e-5);
        // Corner (3, 3): a window of 4 cells, sum 0: (0 − 0.75·4) / (S·√((16·4 − 16)/15)) = −3 / 3.768286 = −0.796118
        z[frame.IndexOf(new Cell(3, 3))].ShouldBe(-0.796118, 1e-5);
    }

    [Fact]
    public void Gi_star_leaves_cells_outside_the_study_area_out_of_the_mean_and_the_windows()
    {
        var frame = new GridFrame(150, 0, 0, 4, 4);
        var values = new float[16];
        values[frame.IndexOf(new Cell(1, 1))] = 8;
        values[frame.IndexOf(new Cell(2, 1))] = 4;
        var study = Enumerable.Repeat(true, 16).ToArray();
        study[frame.IndexOf(new Cell(0, 0))] = false;
        var z = GetisOrd.ZScores(frame, values, study, radius: 1);

        // n = 15, mean = 0.8, S = √(80/15 − 0.64) = √4.693333 = 2.166410; cell (1, 1) now has 8 study cells in its window:
        //   (12 − 0.8·8) / (S·√((15·8 − 64)/14)) = 5.6 / (2.166410·2) = 1.292461
        z[frame.IndexOf(new Cell(1, 1))].ShouldBe(1.292461, 1e-5);
        z[frame.IndexOf(new Cell(0, 0))].ShouldBe(0);
    }

    [Fact]
    public void Benjamini_Hochberg_steps_up_to_the_largest_p_value_under_its_line()
    {
        // m = 10, q = 0.05: the line is k·0.005; 0.001 ≤ 0.005 and 0.008 ≤ 0.010, then 0.039 > 0.015 and nothing later is under.
        BenjaminiHochberg.Threshold([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216], 0.05).ShouldBe(0.008);
        // Step-up: 0.03 is above its line (0.025) but 0.04 is under the last one (0.05), so all four are discoveries.
        BenjaminiHochberg.Threshold([0.04, 0.01, 0.035, 0.03], 0.05).ShouldBe(0.04);
        BenjaminiHochberg.Threshold([0.2, 0.5], 0.05).ShouldBe(0);
    }

    [Fact]
    public void The_normal_upper_tail_is_right_in_the_middle_and_far_out()
    {
        Normal.UpperTail(0).ShouldBe(0.5, 1e-7);
        Normal.UpperTail(1.959964).ShouldBe(0.025, 1e-7);
        Normal.UpperTail(-1.644854).ShouldBe(0.95, 1e-7);
        (Normal.UpperTail(5) / 2.866516e-7).ShouldBe(1, 1e-5);
    }

    [Fact]
    public void Quantiles_interpolate_between_order_statistics_like_a_sort_would()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 10_001).Select(_ => random.NextDouble() * 1000).ToArray();
        var sorted = values.Order().ToArray();
        foreach (var q in new[] { 0.0, 0.001, 0.25, 0.5, 0.999, 1.0 })
        {
            var position = q * (sorted.Length - 1);
            var below = (int)Math.Floor(position);
            var expected = below + 1 < sorted.Length ? sorted[below] + (position - below) * (sorted[below + 1] - sorted[below]) : sorted[below];
            Quantiles.Of(values.ToArray(), q).ShouldBe(expected, 1e-9);
        }
        Quantiles.Of([5, 5, 5, 1], 0.5).ShouldBe(5);
    }

    [Fact]
    public void Cells_rank_by_score_best_first_and_equal_scores_in_cell_order()
    {
        var random = new Random(5);
        float[] special = [0f, -0f, float.NaN, float.NegativeInfinity, float.PositiveInfinity, -1.5f, float.Epsilon, -float.Epsilon];
        var scores = Enumerable.Range(0, 5_000)
            .Select(_ => random.Next(4) == 0 ? special[random.Next(special.Length)] : random.Next(-50, 50) / 4f).ToArray();

        var ranked = new RankedCells(scores);

        ranked.Top(scores.Length).ToArray().ShouldBe(Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray());
    }
}

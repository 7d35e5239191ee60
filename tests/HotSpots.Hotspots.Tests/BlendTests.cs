using HotSpots.Modules.Hotspots.Engine;

namespace HotSpots.Hotspots.Tests;

public sealed class BlendTests
{
    private static readonly GridFrame Frame = new(150, 0, 0, 12, 12);
    private static readonly string[] Categories = ["Violence and sexual offences", "Public order", "Shoplifting"];

    /// <summary>Random crimes over 20 months; from month <paramref name="changeFrom"/> on, a second seed takes over.</summary>
    private static CellHistory History(int changeFrom, int laterSeed)
    {
        var columns = new CrimeColumns(0);
        for (var month = 0; month < 20; month++)
        {
            var random = new Random(month < changeFrom ? 1000 + month : laterSeed * 100 + month);
            for (var i = 0; i < 400; i++)
            {
                // Crime concentrates towards the lower-left corner.
                double x = 1800 * Math.Pow(random.NextDouble(), 2), y = 1800 * Math.Pow(random.NextDouble(), 2);
                columns.Add(x, y, month, random.Next(Categories.Length));
            }
        }
        return CellHistory.Build(Frame, Categories, 20, columns);
    }

    private static float[] WalkForward(CellHistory history, int month)
    {
        var blend = new Blend(history, [1, 0, 0], Enumerable.Range(0, history.Cells.Length).ToArray(), BlendParts.All);
        var windows = Enumerable.Range(0, month).Where(blend.CanTeach).TakeLast(HotspotScoring.FitWindows).ToList();
        windows.ShouldNotBeEmpty();
        windows.ShouldAllBe(s => s < month);
        return blend.Predict(blend.Fit(windows), month);
    }

    [Fact]
    public void Scores_for_a_month_depend_only_on_the_months_before_it()
    {
        var a = History(changeFrom: 15, laterSeed: 1);
        var b = History(changeFrom: 15, laterSeed: 2);
        a.Cells.ShouldBe(b.Cells);
        WalkForward(a, 15).ShouldBe(WalkForward(b, 15));
        WalkForward(a, 16).ShouldNotBe(WalkForward(b, 16));
    }

    [Fact]
    public void Without_enough_history_to_learn_from_the_blend_ranks_cells_by_their_last_12_months()
    {
        var history = History(changeFrom: 20, laterSeed: 1);
        var blend = new Blend(history, [1, 0, 0], Enumerable.Range(0, history.Cells.Length).ToArray(), BlendParts.All);
        Enumerable.Range(0, 4).Where(blend.CanTeach).ShouldBeEmpty(); // four months of history are needed first
        var scores = blend.Predict(blend.Fit([]), 14);
        var counts = history.Weighted([1, 0, 0], 2, 14);
        for (var i = 0; i < scores.Length; i++) scores[i].ShouldBe(counts[i] / 12, 1e-4f);
    }

    [Fact]
    public void Running_totals_give_the_crimes_of_any_run_of_months()
    {
        var columns = new CrimeColumns(0);
        columns.Add(10, 10, 0, 0);
        columns.Add(20, 20, 2, 0);
        columns.Add(30, 30, 2, 1);
        columns.Add(400, 10, 1, 0);
        columns.Add(10, 10, 3, 0); // month 3 is outside a 3-month history: left out
        var history = CellHistory.Build(Frame, Categories, 3, columns);
        history.Cells.Length.ShouldBe(2);
        history.Available.ShouldBe([true, true, true]);
        var cell = history.ActiveOf[Frame.IndexOf(new Cell(0, 0))];
        history.Weighted([1, 0, 0], 0, 3)[cell].ShouldBe(2);
        history.Weighted([1, 0, 0], 1, 3)[cell].ShouldBe(1);
        history.Weighted([1, 10, 0], 2, 3)[cell].ShouldBe(11);
        history.All(0, 3)[history.ActiveOf[Frame.IndexOf(new Cell(2, 0))]].ShouldBe(1);
    }
}

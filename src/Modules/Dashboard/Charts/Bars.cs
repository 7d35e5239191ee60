using System.Globalization;
using ScottPlot;

namespace HotSpots.Modules.Dashboard.Charts;

/// <summary>Counts per period (month, week, day) as columns, optionally with a target line.</summary>
internal static class Bars
{
    public static DrawnChart Render(string what, string unit, IReadOnlyList<(string Label, double Value)> values, double? target = null, int width = ChartStyle.Width)
    {
        var i = CultureInfo.InvariantCulture;
        var rows = values.Select(v => (IReadOnlyList<string>)[v.Label, v.Value.ToString("0.#", i)]).ToList();
        if (values.Count == 0) return new DrawnChart(null, $"No {unit} in this period.", ["Period", unit], rows);
        var plot = ChartStyle.NewPlot();
        var bars = plot.Add.Bars(values.Select(v => v.Value).ToArray());
        bars.Color = ChartStyle.Primary;
        foreach (var bar in bars.Bars) bar.LineWidth = 0;
        var step = Math.Max(1, (int)Math.Ceiling(values.Count / 8.0));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            values.Select((v, k) => (k, v.Label)).Where(t => t.k % step == 0).Select(t => new Tick(t.k, t.Label)).ToArray());
        if (target is { } t2)
        {
            var line = plot.Add.HorizontalLine(t2);
            line.Color = ChartStyle.Target;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = "Target";
        }
        plot.YLabel(unit);
        plot.Axes.SetLimitsY(0, Math.Max(values.Max(v => v.Value), target ?? 0) * 1.1 + 1);
        var peak = values.MaxBy(v => v.Value);
        var description = $"{what}: {values.Sum(v => v.Value).ToString("N0", i)} {unit} over {values.Count} periods from {values[0].Label} to {values[^1].Label}; " +
                          $"the most, {peak.Value.ToString("N0", i)}, in {peak.Label}" + (target is { } t3 ? $"; target {t3.ToString("0.#", i)} a period." : ".");
        return new DrawnChart(plot, description, ["Period", unit], rows, width);
    }
}

using System.Globalization;
using ScottPlot;

namespace HotSpots.Modules.Dashboard.Charts;

/// <summary>Crimes by day of week (rows, Monday first) and hour of the day (columns), local time.</summary>
internal static class WeekHourHeatMap
{
    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static DrawnChart Render(long[] counts)
    {
        var grid = new double[7, 24];
        for (var d = 0; d < 7; d++)
            for (var h = 0; h < 24; h++)
                grid[d, h] = counts[d * 24 + h];
        var plot = ChartStyle.NewPlot();
        var heat = plot.Add.Heatmap(grid);
        heat.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heat);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Days.Select((d, k) => new Tick(6 - k, d)).ToArray());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, 24).Where(h => h % 3 == 0).Select(h => new Tick(h, $"{h:00}:00")).ToArray());
        plot.XLabel("Hour of the day (local time)");

        var i = CultureInfo.InvariantCulture;
        var top = Enumerable.Range(0, 168).OrderByDescending(k => counts[k]).Take(3).Where(k => counts[k] > 0)
            .Select(k => $"{Days[k / 24]} {k % 24:00}:00 ({counts[k].ToString("N0", i)})");
        var description = $"Crimes by day of the week and hour, {counts.Sum().ToString("N0", i)} with a time of day; busiest: {string.Join(", ", top)}.";
        var rows = Days.Select((d, k) => (IReadOnlyList<string>)[d, .. Enumerable.Range(0, 24).Select(h => counts[k * 24 + h].ToString(i))]).ToList();
        return new DrawnChart(plot, description, ["Day", .. Enumerable.Range(0, 24).Select(h => $"{h:00}")], rows);
    }
}

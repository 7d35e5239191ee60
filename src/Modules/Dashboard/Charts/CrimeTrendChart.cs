using System.Globalization;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Ingestion.Contracts;

namespace HotSpots.Modules.Dashboard.Charts;

/// <summary>Crimes by type per month: the largest categories as lines, the rest summed as "Other".</summary>
internal static class CrimeTrendChart
{
    private const int Lines = 5;

    public static Chart Render(IReadOnlyList<CategoryMonthCount> counts)
    {
        var months = counts.Select(c => new DateTime(c.Year, c.Month, 1)).Distinct().Order().ToList();
        var top = counts.GroupBy(c => c.Category).OrderByDescending(g => g.Sum(c => c.Count)).Take(Lines).Select(g => g.Key).ToList();
        var series = top.Select(category => (Name: category, Values: months.Select(m => (double)counts
                .Where(c => c.Category == category && c.Year == m.Year && c.Month == m.Month).Sum(c => c.Count)).ToArray()))
            .ToList();
        if (counts.Any(c => !top.Contains(c.Category)))
            series.Add(("Other", months.Select(m => (double)counts
                .Where(c => !top.Contains(c.Category) && c.Year == m.Year && c.Month == m.Month).Sum(c => c.Count)).ToArray()));

        var plot = ChartStyle.NewPlot();
        var xs = months.Select(m => m.ToOADate()).ToArray();
        foreach (var (name, values) in series)
        {
            var line = plot.Add.Scatter(xs, values);
            line.LegendText = name;
            line.LineWidth = 2;
            line.MarkerSize = 4;
        }
        plot.Axes.DateTimeTicksBottom();
        plot.YLabel("Crimes per month");
        plot.Axes.Left.Min = 0;
        var svg = months.Count == 0 ? "" : plot.GetSvgXml(ChartStyle.Width, ChartStyle.Height);

        var columns = new List<string> { "Month" };
        columns.AddRange(series.Select(s => s.Name));
        var rows = months.Select((m, i) => (IReadOnlyList<string>)
            [m.ToString("yyyy-MM", CultureInfo.InvariantCulture), .. series.Select(s => s.Values[i].ToString("0", CultureInfo.InvariantCulture))]).ToList();
        var description = months.Count == 0
            ? "No crimes have been imported yet."
            : $"Crimes per month by type from {months[0]:MMMM yyyy} to {months[^1]:MMMM yyyy}. " +
              string.Join("; ", series.Select(s => $"{s.Name}: {s.Values.Sum():0} in all, {s.Values[^1]:0} in the last month"));
        return new Chart(svg, description, columns, rows);
    }
}

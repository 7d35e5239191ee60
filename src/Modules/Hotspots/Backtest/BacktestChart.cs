using System.Globalization;
using HotSpots.Modules.Hotspots.Contracts;
using ScottPlot;

namespace HotSpots.Modules.Hotspots.Backtest;

/// <summary>PAI by coverage, one line per method, with the best possible as a dashed line.</summary>
internal static class BacktestChart
{
    public const int Width = 800;
    public const int Height = 420;

    private static readonly Lock FontLock = new();
    private static bool _fontReady;

    public static string Svg(BacktestReport report)
    {
        EnsureFont();
        var plot = new Plot();
        plot.Font.Set(Fonts.Default);
        var coverages = report.BestPossible.Select(b => b.Coverage).ToArray();
        // Coverages are evenly spaced on the chart whatever their values (0.5, 1, 2, 5, 10 …).
        var xs = Enumerable.Range(0, coverages.Length).Select(i => (double)i).ToArray();
        foreach (var method in report.Results.Select(r => r.Method).Distinct())
        {
            var results = report.Results.Where(r => r.Method == method).OrderBy(r => r.Coverage).ToList();
            var line = plot.Add.Scatter(xs, results.Select(r => r.Pai).ToArray());
            line.LegendText = results[0].Baseline ? $"{method} (baseline)" : method;
            line.LineWidth = results[0].Baseline ? 1.5f : 3;
            line.MarkerSize = 6;
        }
        var best = plot.Add.Scatter(xs, report.BestPossible.Select(b => b.Pai).ToArray());
        best.LegendText = "best possible (knowing the month)";
        best.LinePattern = LinePattern.Dashed;
        best.Color = Colors.Gray;
        best.MarkerSize = 4;
        plot.Axes.Bottom.SetTicks(xs, coverages.Select(c => c.ToString("0.###", CultureInfo.InvariantCulture) + " %").ToArray());
        plot.XLabel("Coverage: share of the study area selected");
        plot.YLabel("PAI (hit rate / area share)");
        plot.Title($"{report.Windows} test months, {report.FirstTestMonth} to {report.LastTestMonth}" +
            (report.WindowsWithGap > 0 ? $" ({report.WindowsWithGap} with a training month missing)" : ""));
        plot.Axes.Left.Min = 0;
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>ScottPlot draws no text, without error, when it finds no font: use DejaVu Sans when installed.</summary>
    private static void EnsureFont()
    {
        lock (FontLock)
        {
            if (_fontReady) return;
            const string dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
            if (File.Exists(dejaVu))
            {
                Fonts.AddFontFile("DejaVu Sans", dejaVu);
                Fonts.Default = "DejaVu Sans";
            }
            _fontReady = true;
        }
    }
}

using HotSpots.Modules.Dashboard.Contracts;
using ScottPlot;

namespace HotSpots.Modules.Dashboard.Charts;

/// <summary>A drawn plot with its text alternative and table: SVG for pages, PNG for PDFs.</summary>
internal sealed record DrawnChart(Plot? Plot, string Description, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows,
    int Width = ChartStyle.Width, int Height = ChartStyle.Height)
{
    private static readonly Lock Drawing = new();

    public Chart ToChart()
    {
        if (Plot is null) return new Chart("", Description, Columns, Rows);
        lock (Drawing) return new Chart(Plot.GetSvgXml(Width, Height), Description, Columns, Rows);
    }

    public byte[]? Png(int scale = 2)
    {
        if (Plot is null) return null;
        lock (Drawing)
        {
            Plot.ScaleFactor = scale;
            try { return Plot.GetImageBytes(Width * scale, Height * scale, ImageFormat.Png); }
            finally { Plot.ScaleFactor = 1; }
        }
    }
}

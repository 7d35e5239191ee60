using System.Globalization;
using NetTopologySuite.Geometries;
using ScottPlot;

namespace HotSpots.Modules.Dashboard.Charts;

/// <summary>
/// A map drawn without tiles: crimes as a density grid (projected metres) with the spots' outlines and ranks on top.
/// The extent leaves out the farthest 1 % of crimes each way, so that a few mis-located records do not shrink the town.
/// </summary>
internal static class CrimeMapChart
{
    private const int Cells = 90;

    public static DrawnChart Render(IReadOnlyList<(double X, double Y)> crimes, IReadOnlyList<MapSpot> spots, int width = ChartStyle.Width, int height = 520)
    {
        var columns = new List<string> { "Spot", "Name", "Crimes shown inside" };
        if (crimes.Count == 0 && spots.Count == 0) return new DrawnChart(null, "No crimes match, and no spots are published.", columns, []);
        // A sample of at most 20,000 crimes is enough to place the extent.
        var stride = Math.Max(1, crimes.Count / 20_000);
        var sample = Enumerable.Range(0, (crimes.Count + stride - 1) / stride).Select(k => crimes[k * stride]).ToList();
        var (minX, maxX) = Range(sample.Select(c => c.X).Concat(spots.SelectMany(s => s.Polygon.Coordinates.Select(p => p.X))));
        var (minY, maxY) = Range(sample.Select(c => c.Y).Concat(spots.SelectMany(s => s.Polygon.Coordinates.Select(p => p.Y))));
        var size = Math.Max(Math.Max(maxX - minX, maxY - minY) / Cells, 25);
        var cols = Math.Max(1, (int)Math.Ceiling((maxX - minX) / size));
        var rowsN = Math.Max(1, (int)Math.Ceiling((maxY - minY) / size));
        var grid = new double[rowsN, cols];
        for (var r = 0; r < rowsN; r++) for (var c = 0; c < cols; c++) grid[r, c] = double.NaN;
        foreach (var (x, y) in crimes)
        {
            var c = (int)((x - minX) / size);
            var r = (int)((maxY - y) / size);
            if (c < 0 || r < 0 || c >= cols || r >= rowsN) continue;
            grid[r, c] = double.IsNaN(grid[r, c]) ? 1 : grid[r, c] + 1;
        }

        var plot = ChartStyle.NewPlot();
        // A grid without a single crime (a filter that matches none) has no colour range: the spots are drawn alone.
        if (grid.Cast<double>().Any(double.IsFinite))
        {
            var heat = plot.Add.Heatmap(grid);
            heat.Colormap = new ScottPlot.Colormaps.Matter();
            heat.Extent = new CoordinateRect(minX, minX + cols * size, maxY - rowsN * size, maxY);
            heat.NaNCellColor = Colors.Transparent;
        }
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (rank, name, polygon, inside) in spots)
        {
            var outline = polygon.Coordinates.Select(p => new ScottPlot.Coordinates(p.X, p.Y)).ToArray();
            if (outline.Length < 3) continue;
            var shape = plot.Add.Polygon(outline);
            shape.FillColor = ChartStyle.Spot.WithAlpha(0.12);
            shape.LineColor = ChartStyle.Spot;
            shape.LineWidth = 2;
            var centre = polygon.Centroid;
            var label = plot.Add.Text(rank.ToString(CultureInfo.InvariantCulture), centre.X, centre.Y);
            label.LabelFontSize = 12;
            label.LabelBold = true;
            label.LabelFontColor = ChartStyle.Spot;
            label.LabelAlignment = Alignment.MiddleCenter;
            rows.Add([rank.ToString(CultureInfo.InvariantCulture), name, inside.ToString(CultureInfo.InvariantCulture)]);
        }
        plot.Axes.SquareUnits();
        plot.Axes.Frameless();
        plot.HideGrid();
        var km = ((maxX - minX) / 1000).ToString("0.0", CultureInfo.InvariantCulture);
        var description = $"Map of {crimes.Count.ToString("N0", CultureInfo.InvariantCulture)} crimes as a density grid of {size:0} m squares " +
                          $"over an area {km} km across, darker where more crimes were recorded" +
                          (spots.Count == 0 ? "." : $", with the {spots.Count} hot spots outlined in red and numbered by rank.");
        return new DrawnChart(plot, description, columns, rows, width, height);
    }

    private static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return (0, 1000);
        var lo = sorted[(int)(sorted.Length * 0.01)];
        var hi = sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))];
        var pad = Math.Max(100, (hi - lo) * 0.04);
        return (lo - pad, hi + pad);
    }
}

/// <summary>A spot to outline on the map, with the crimes shown that lie inside it.</summary>
internal sealed record MapSpot(int Rank, string Name, Geometry Polygon, long Inside);

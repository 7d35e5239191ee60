using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;

namespace HotSpots.Modules.Hotspots.Backtest;

/// <summary>
/// The crimes a backtest runs on, as columns: mappable points inside the 0.1 %–99.9 % quantile box of x and of y
/// (over all months and types), binned on the grid by calendar month (the force's local time).
/// </summary>
internal sealed class BacktestData
{
    public const double LowQuantile = 0.001;
    public const double HighQuantile = 0.999;

    private BacktestData(CellHistory history, int firstMonthKey, long read, long outside, double[] x, double[] y, int[] month, int[] category,
        double[] harm)
    {
        History = history;
        FirstMonthKey = firstMonthKey;
        PointsRead = read;
        PointsOutsideBox = outside;
        X = x;
        Y = y;
        Month = month;
        Category = category;
        Harm = harm;
    }

    public CellHistory History { get; }
    public int FirstMonthKey { get; }
    public long PointsRead { get; }
    public long PointsOutsideBox { get; }

    /// <summary>The points kept, for the kernel density baseline.</summary>
    public double[] X { get; }
    public double[] Y { get; }
    public int[] Month { get; }
    public int[] Category { get; }

    /// <summary>Mean harm (CCHI days) of each category's crimes.</summary>
    public double[] Harm { get; }

    public string MonthName(int month)
    {
        var key = FirstMonthKey + month;
        return $"{key / 12:0000}-{key % 12 + 1:00}";
    }

    public static async Task<BacktestData> ReadAsync(IAsyncEnumerable<CrimePoint> points, ForceOptions force, double cellSize,
        IProgress<BacktestProgress>? progress, CancellationToken cancellationToken)
    {
        var columns = new CrimeColumns(1 << 16);
        var categories = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        var harmSums = new List<double>();
        var harmCounts = new List<long>();
        await foreach (var point in points.WithCancellation(cancellationToken))
        {
            if (!categories.TryGetValue(point.Category, out var category))
            {
                categories[point.Category] = category = names.Count;
                names.Add(point.Category);
                harmSums.Add(0);
                harmCounts.Add(0);
            }
            harmSums[category] += point.Harm;
            harmCounts[category]++;
            var local = force.UtcToLocal(point.OccurredUtc);
            columns.Add(point.X, point.Y, local.Year * 12 + local.Month - 1, category);
            if (columns.Count % 100_000 == 0) progress?.Report(new BacktestProgress("Reading crimes", columns.Count, 0));
        }
        if (columns.Count == 0) throw new InvalidOperationException("There are no mappable crimes to backtest on.");

        var (x0, x1) = QuantileBox(columns.X.AsSpan(0, columns.Count));
        var (y0, y1) = QuantileBox(columns.Y.AsSpan(0, columns.Count));
        var keep = new List<int>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
            if (columns.X[i] >= x0 && columns.X[i] <= x1 && columns.Y[i] >= y0 && columns.Y[i] <= y1)
                keep.Add(i);
        var firstKey = int.MaxValue;
        var lastKey = int.MinValue;
        foreach (var i in keep)
        {
            firstKey = Math.Min(firstKey, columns.Month[i]);
            lastKey = Math.Max(lastKey, columns.Month[i]);
        }
        var kept = new CrimeColumns(keep.Count);
        foreach (var i in keep) kept.Add(columns.X[i], columns.Y[i], columns.Month[i] - firstKey, columns.Category[i]);
        var frame = GridFrame.Covering(x0, y0, x1, y1, cellSize, margin: 2);
        var history = CellHistory.Build(frame, names, lastKey - firstKey + 1, kept);
        var harm = harmSums.Select((s, c) => harmCounts[c] == 0 ? 0 : s / harmCounts[c]).ToArray();
        return new BacktestData(history, firstKey, columns.Count, columns.Count - keep.Count,
            kept.X[..kept.Count], kept.Y[..kept.Count], kept.Month[..kept.Count], kept.Category[..kept.Count], harm);
    }

    /// <summary>The 0.1 % and 99.9 % quantiles, interpolated linearly between order statistics.</summary>
    private static (double Low, double High) QuantileBox(ReadOnlySpan<double> values)
    {
        var copy = values.ToArray();
        return (Quantiles.Of(copy, LowQuantile), Quantiles.Of(copy, HighQuantile));
    }
}

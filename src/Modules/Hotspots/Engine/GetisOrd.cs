namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>
/// Getis-Ord Gi* z-scores over the grid, with binary weights on a square window of (2r+1)² cells that includes the
/// cell itself. Only cells in the study mask are features: the mean, the spread and each window count only them.
/// Window sums come from summed-area tables, so the cost does not depend on the window size.
/// </summary>
internal static class GetisOrd
{
    public static double[] ZScores(GridFrame frame, ReadOnlySpan<float> values, ReadOnlySpan<bool> study, int radius)
    {
        int width = frame.Width, height = frame.Height;
        var n = 0;
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < frame.Count; i++)
        {
            if (!study[i]) continue;
            n++;
            sum += values[i];
            sumSquares += (double)values[i] * values[i];
        }
        var z = new double[frame.Count];
        if (n < 2) return z;
        var mean = sum / n;
        var spread = Math.Sqrt(Math.Max(0, sumSquares / n - mean * mean));
        if (spread == 0) return z;

        // Summed-area tables, one row and one column larger than the frame.
        var stride = width + 1;
        var valueTable = new double[(long)stride * (height + 1)];
        var countTable = new int[(long)stride * (height + 1)];
        for (var row = 0; row < height; row++)
        {
            double rowValues = 0;
            var rowCount = 0;
            for (var column = 0; column < width; column++)
            {
                var i = row * width + column;
                if (study[i])
                {
                    rowValues += values[i];
                    rowCount++;
                }
                var t = (row + 1) * stride + column + 1;
                valueTable[t] = valueTable[t - stride] + rowValues;
                countTable[t] = countTable[t - stride] + rowCount;
            }
        }
        for (var row = 0; row < height; row++)
        {
            int top = Math.Max(0, row - radius), bottom = Math.Min(height, row + radius + 1);
            for (var column = 0; column < width; column++)
            {
                var i = row * width + column;
                if (!study[i]) continue;
                int left = Math.Max(0, column - radius), right = Math.Min(width, column + radius + 1);
                var windowSum = valueTable[bottom * stride + right] - valueTable[top * stride + right]
                              - valueTable[bottom * stride + left] + valueTable[top * stride + left];
                double windowCount = countTable[bottom * stride + right] - countTable[top * stride + right]
                                   - countTable[bottom * stride + left] + countTable[top * stride + left];
                var denominator = spread * Math.Sqrt((n * windowCount - windowCount * windowCount) / (n - 1));
                z[i] = denominator > 0 ? (windowSum - mean * windowCount) / denominator : 0;
            }
        }
        return z;
    }
}

/// <summary>The Benjamini–Hochberg step-up procedure: controls the false discovery rate over many tests.</summary>
internal static class BenjaminiHochberg
{
    /// <summary>
    /// The largest p-value p(k) with p(k) ≤ k·q/m over the m tests; every test with a p-value at or below it is a
    /// discovery. 0 when nothing is significant.
    /// </summary>
    public static double Threshold(IReadOnlyList<double> pValues, double falseDiscoveryRate)
    {
        var sorted = pValues.ToArray();
        Array.Sort(sorted);
        var m = sorted.Length;
        for (var k = m; k >= 1; k--)
            if (sorted[k - 1] <= k * falseDiscoveryRate / m)
                return sorted[k - 1];
        return 0;
    }
}

/// <summary>The standard normal distribution.</summary>
internal static class Normal
{
    /// <summary>P(Z ≥ z), accurate to a relative 1.2e-7 far into the tail (a Chebyshev fit of erfc).</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var a = Math.Abs(x);
        var t = 1 / (1 + 0.5 * a);
        var r = t * Math.Exp(-a * a - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}

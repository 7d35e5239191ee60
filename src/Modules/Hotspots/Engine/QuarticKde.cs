namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>
/// Quartic kernel density at cell centres: each point adds w·(1 − d²/h²)² to every cell whose centre is within the
/// bandwidth h of it (the retrospective hot spot kernel, evaluated exactly at the point, not at its binned cell).
/// </summary>
internal static class QuarticKde
{
    public static float[] AtCellCentres(GridFrame frame, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<float> weight, double bandwidth)
    {
        if (!(bandwidth > 0)) throw new ArgumentOutOfRangeException(nameof(bandwidth), "The bandwidth must be positive.");
        var density = new float[frame.Count];
        var size = frame.CellSize;
        var h2 = bandwidth * bandwidth;
        var reach = (int)Math.Ceiling(bandwidth / size) + 1;
        Span<double> dy2 = stackalloc double[2 * reach + 1];
        for (var i = 0; i < x.Length; i++)
        {
            var w = weight[i];
            if (w == 0) continue;
            var column = (int)Math.Floor(x[i] / size) - frame.Column0;
            var row = (int)Math.Floor(y[i] / size) - frame.Row0;
            // Squared offsets per row and per column are computed once: the kernel needs only their sum.
            for (var r = -reach; r <= reach; r++)
            {
                var dy = (frame.Row0 + row + r + 0.5) * size - y[i];
                dy2[r + reach] = dy * dy;
            }
            for (var c = -reach; c <= reach; c++)
            {
                var gc = column + c;
                if (gc < 0 || gc >= frame.Width) continue;
                var dx = (frame.Column0 + gc + 0.5) * size - x[i];
                var dx2 = dx * dx;
                if (dx2 > h2) continue;
                for (var r = -reach; r <= reach; r++)
                {
                    var gr = row + r;
                    if (gr < 0 || gr >= frame.Height) continue;
                    var q = (dx2 + dy2[r + reach]) / h2;
                    if (q > 1) continue;
                    density[gr * frame.Width + gc] += (float)(w * (1 - q) * (1 - q));
                }
            }
        }
        return density;
    }
}

namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>
/// Cells ranked by a score, best first, for selecting a share of the study area. Selecting n cells takes the n
/// highest scores; cells tied with the n-th share the places left, each counting its hits pro rata (the expected
/// hits when ties are broken at random), so that no arbitrary order of cells decides the result.
/// </summary>
internal sealed class RankedCells
{
    private readonly int[] _order;
    private readonly float[] _scores;

    public RankedCells(float[] scores)
    {
        _scores = scores;
        _order = Enumerable.Range(0, scores.Length).ToArray();
        // Best first; equal scores in cell order, for a stable choice of cells for spots.
        Array.Sort(_order, (a, b) => scores[b].CompareTo(scores[a]) is var c && c != 0 ? c : a.CompareTo(b));
    }

    /// <summary>The sum of <paramref name="test"/> over the n selected cells, ties counted pro rata.</summary>
    public double Hits(ReadOnlySpan<float> test, int n)
    {
        if (n <= 0) return 0;
        n = Math.Min(n, _order.Length);
        var threshold = _scores[_order[n - 1]];
        var first = n - 1;
        while (first > 0 && _scores[_order[first - 1]] == threshold) first--;
        var last = n - 1;
        while (last + 1 < _order.Length && _scores[_order[last + 1]] == threshold) last++;
        double above = 0, tied = 0;
        for (var k = 0; k < first; k++) above += test[_order[k]];
        for (var k = first; k <= last; k++) tied += test[_order[k]];
        return above + tied * (n - first) / (last - first + 1);
    }

    /// <summary>The n best cells (ties in cell order).</summary>
    public ReadOnlySpan<int> Top(int n) => _order.AsSpan(0, Math.Min(n, _order.Length));
}

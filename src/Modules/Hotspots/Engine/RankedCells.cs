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
        // Best first; equal scores in cell order, for a stable choice of cells for spots. Sorting one number per cell
        // (the score, then the cell) is several times faster than sorting cells with a comparison.
        var keys = new ulong[scores.Length];
        for (var i = 0; i < keys.Length; i++) keys[i] = (ulong)~Ascending(scores[i]) << 32 | (uint)i;
        Array.Sort(keys);
        _order = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++) _order[i] = (int)(uint)keys[i];
    }

    /// <summary>A number in the order of <see cref="float.CompareTo(float)"/>: NaN lowest, −0 equal to +0.</summary>
    private static uint Ascending(float score)
    {
        if (float.IsNaN(score)) return 0;
        var bits = BitConverter.SingleToUInt32Bits(score == 0 ? 0f : score);
        return (bits & 0x8000_0000) == 0 ? bits | 0x8000_0000 : ~bits;
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

namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>
/// How the backtest and the refresh treat a month missing from the data (issue 21, item 6): a missing month stays
/// missing. It is not counted as a month without crime, and it does not drop the months around it: a training window is
/// used when at least three quarters of its months hold data (9 of 12), and its sums are scaled by the months held
/// (sum × months in the window / months held), so that a window with a gap is compared with others like with like.
/// A month is missing when it holds no crime but lies after the first month that does (months before the data begins
/// are not gaps: the data simply starts later).
/// </summary>
internal static class MonthsHeld
{
    /// <summary>Share of a training window's months that must hold data.</summary>
    public const double MinShare = 0.75;

    /// <summary>Months with data a window of <paramref name="months"/> months needs: 9 of 12.</summary>
    public static int MinHeld(int months) => (int)Math.Ceiling(months * MinShare - 1e-9);

    /// <summary>The first month holding data, or <paramref name="available"/>.Length when none does.</summary>
    public static int FirstHeld(bool[] available)
    {
        var first = Array.IndexOf(available, true);
        return first < 0 ? available.Length : first;
    }

    /// <summary>The window [from, to) as months the data could hold (from the first month with data) and months that do.</summary>
    public static (int Span, int Held) Count(bool[] available, int from, int to)
    {
        from = Math.Max(from, Math.Max(0, FirstHeld(available)));
        to = Math.Min(to, available.Length);
        var held = 0;
        for (var m = from; m < to; m++)
            if (available[m]) held++;
        return (Math.Max(0, to - from), held);
    }

    /// <summary>Missing months in [from, to): no data, but after the first month with data.</summary>
    public static int[] Missing(bool[] available, int from, int to)
    {
        var first = FirstHeld(available);
        return Enumerable.Range(Math.Max(from, first), Math.Max(0, Math.Min(to, available.Length) - Math.Max(from, first)))
            .Where(m => !available[m]).ToArray();
    }

    /// <summary>True when the window [from, to) holds enough months to be used (all of them when it spans three or fewer).</summary>
    public static bool Enough(bool[] available, int from, int to)
    {
        var (span, held) = Count(available, from, to);
        return held > 0 && held >= MinHeld(span);
    }

    /// <summary>What a sum over the window is multiplied by: months it spans / months it holds (1 without a gap).</summary>
    public static float Scale(bool[] available, int from, int to)
    {
        var (span, held) = Count(available, from, to);
        return held == 0 || held == span ? 1f : (float)span / held;
    }
}

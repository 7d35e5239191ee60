namespace HotSpots.Modules.Tasking.Trials;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): a small generator whose output for a seed is fixed by its definition,
/// not by a runtime version, so a sealed schedule can be regenerated from its seed anywhere, at any time.
/// </summary>
internal sealed class SplitMix64(long seed)
{
    private ulong _state = unchecked((ulong)seed);

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n), without modulo bias (rejection of the short top range).</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var limit = ulong.MaxValue - ulong.MaxValue % (ulong)n;
        ulong value;
        do value = NextUInt64(); while (value >= limit);
        return (int)(value % (ulong)n);
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>How many of <paramref name="size"/> to treat: floor(share·size), plus one with the fractional part as probability.</summary>
    public int TreatedCount(int size, double share)
    {
        var exact = share * size;
        var whole = (int)Math.Floor(exact + 1e-9);
        return whole + (NextDouble() < exact - whole - 1e-9 ? 1 : 0);
    }
}

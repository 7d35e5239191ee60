using HotSpots.Platform;

namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>
/// Calendar-length months counted back from the end of the data, in the force's local time: month 0 is the oldest,
/// month Count−1 ends where the data ends. Months are local so that a record dated the 1st of a month (data.police.uk
/// has no days) lands in its own month whatever the clocks did.
/// </summary>
internal sealed class MonthWindows
{
    private readonly DateTime[] _boundsUtc;
    private readonly long[] _ticks;

    public MonthWindows(ForceOptions force, DateTime endLocal, int count)
    {
        Count = count;
        _boundsUtc = Enumerable.Range(0, count + 1).Select(i => force.LocalToUtc(endLocal.AddMonths(i - count))).ToArray();
        _ticks = _boundsUtc.Select(b => b.Ticks).ToArray();
    }

    /// <summary>Months ending at the start of the local day after the latest crime.</summary>
    public static MonthWindows EndingAfter(ForceOptions force, DateTime latestUtc, int count) =>
        new(force, force.UtcToLocal(latestUtc).Date.AddDays(1), count);

    public int Count { get; }

    public DateTime FromUtc => _boundsUtc[0];
    public DateTime ToUtc => _boundsUtc[^1];

    /// <summary>Start of month <paramref name="month"/> (Count gives the end of the last month).</summary>
    public DateTime StartUtc(int month) => _boundsUtc[month];

    /// <summary>The month an instant falls in, or -1 outside all months.</summary>
    public int MonthOf(DateTime utc) => MonthOf(utc.Ticks);

    /// <summary>The month an instant (UTC ticks) falls in, or -1 outside all months.</summary>
    public int MonthOf(long ticks)
    {
        if (ticks < _ticks[0] || ticks >= _ticks[^1]) return -1;
        int low = 0, high = _ticks.Length - 1; // _ticks[low] <= ticks < _ticks[high]
        while (high - low > 1)
        {
            var middle = (low + high) >> 1;
            if (_ticks[middle] <= ticks) low = middle; else high = middle;
        }
        return low;
    }
}

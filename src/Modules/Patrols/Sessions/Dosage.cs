using HotSpots.Modules.Patrols.Data;

namespace HotSpots.Modules.Patrols.Sessions;

/// <summary>Minutes inside a spot from a patrol's pings, in time order.</summary>
internal static class Dosage
{
    /// <summary>
    /// Each interval between consecutive pings counts fully when both ends are inside and half when one is
    /// (the crossing happened somewhere between); intervals are capped, so a lost signal adds little.
    /// </summary>
    public static double MinutesInside(IEnumerable<Ping> pingsInTimeOrder, double maxGapSeconds)
    {
        double seconds = 0;
        Ping? previous = null;
        foreach (var ping in pingsInTimeOrder)
        {
            if (previous is not null)
            {
                var gap = Math.Min((ping.TimeUtc - previous.TimeUtc).TotalSeconds, maxGapSeconds);
                var share = (previous.Inside ? 0.5 : 0) + (ping.Inside ? 0.5 : 0);
                seconds += gap * share;
            }
            previous = ping;
        }
        return seconds / 60;
    }
}

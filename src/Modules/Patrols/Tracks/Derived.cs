using HotSpots.Modules.Patrols.Contracts;

namespace HotSpots.Modules.Patrols.Tracks;

/// <summary>A position on a track, in projected metres.</summary>
internal readonly record struct TrackPoint(DateTime TimeUtc, double X, double Y, double? AccuracyMetres = null);

/// <summary>Time in a spot, from entry to exit. An open visit is still going on (its exit is the last time seen near).</summary>
internal sealed record DerivedVisit(DateTime EnteredUtc, DateTime ExitedUtc, bool Open)
{
    public double Seconds => (ExitedUtc - EnteredUtc).TotalSeconds;
}

internal sealed record DerivedStop(DateTime StartUtc, DateTime EndUtc, double X, double Y, bool Open)
{
    public double Seconds => (EndUtc - StartUtc).TotalSeconds;
}

internal sealed record DerivedStretch(DateTime StartUtc, DateTime EndUtc, Movement Mode, bool Open)
{
    public double Seconds => (EndUtc - StartUtc).TotalSeconds;
}

internal static class TrackTime
{
    public static DateTime Mid(DateTime a, DateTime b) => a + (b - a) / 2;

    public static double Metres(double x1, double y1, double x2, double y2) => Math.Sqrt((x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2));
}

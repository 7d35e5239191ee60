using System.Diagnostics.Metrics;

namespace HotSpots.Platform;

/// <summary>The app's own metrics (System.Diagnostics.Metrics); the web app exports them to Prometheus at /metrics.</summary>
public static class Telemetry
{
    public static readonly Meter Meter = new("HotSpots");
}

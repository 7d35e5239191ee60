using System.Diagnostics.Metrics;

namespace HotSpots.Platform;

/// <summary>
/// The app's own metrics (System.Diagnostics.Metrics); the web app exports them to Prometheus at /metrics, each name
/// prefixed with the meter's ("pings_ingested" is hotspots_pings_ingested).
/// </summary>
public static class Telemetry
{
    public static readonly Meter Meter = new("HotSpots");

    /// <summary>Positions from officers' phones stored (acknowledged), and those refused with a reason.</summary>
    public static readonly Counter<long> PingsIngested = Meter.CreateCounter<long>("pings_ingested", description: "Positions from officers' phones stored");

    public static readonly Counter<long> PingsRejected = Meter.CreateCounter<long>("pings_rejected", description: "Positions refused (impossible data)");

    /// <summary>Imports finished, tagged with their outcome (Completed, Failed, Interrupted), and the crime rows they added or changed.</summary>
    public static readonly Counter<long> ImportsFinished = Meter.CreateCounter<long>("imports_finished", description: "Imports finished, by outcome");

    public static readonly Counter<long> ImportedRows = Meter.CreateCounter<long>("imported_rows", description: "Crime rows inserted or updated by imports");
}

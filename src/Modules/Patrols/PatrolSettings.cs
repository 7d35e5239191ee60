using HotSpots.Modules.Patrols.Contracts;
using Microsoft.Extensions.Configuration;

namespace HotSpots.Modules.Patrols;

/// <summary>
/// Settings section "Patrols": how often the phone sends its position, and how tracks are measured. Retention and the
/// longest patrol are run-time settings too.
/// </summary>
internal sealed class PatrolSettings
{
    /// <summary>Seconds between the phone's pings in or near the spot (precise positions).</summary>
    public double PingSeconds { get; set; } = 10;

    /// <summary>Seconds between pings further away (coarse positions, to save battery).</summary>
    public double FarPingSeconds { get; set; } = 60;

    /// <summary>Within this distance of the spot the phone measures precisely and every <see cref="PingSeconds"/>.</summary>
    public double NearMetres { get; set; } = 200;

    /// <summary>The ping timing as the patrol page tells the phone.</summary>
    public PingTiming PingTiming => new(PingSeconds, FarPingSeconds, NearMetres);

    /// <summary>A position this close to a spot's edge, outside it, counts as inside (GPS error): a visit starts here.</summary>
    public double EdgeBufferMetres { get; set; } = 10;

    /// <summary>Once inside, an officer has left only when further than this from the spot…</summary>
    public double ExitBufferMetres { get; set; } = 30;

    /// <summary>…for at least this long (hysteresis: jitter at the edge does not make a string of short visits).</summary>
    public double ExitAfterSeconds { get; set; } = 60;

    /// <summary>Visits shorter than this (a drive past the corner) are not counted.</summary>
    public double MinVisitSeconds { get; set; } = 30;

    /// <summary>No position for longer than this is a gap: the time in it is not counted, and a visit or stop ends before it.</summary>
    public double MaxGapSeconds { get; set; } = 120;

    /// <summary>A stop: stationary within this radius…</summary>
    public double StopRadiusMetres { get; set; } = 20;

    /// <summary>…for at least this long.</summary>
    public double StopMinSeconds { get; set; } = 60;

    /// <summary>Robust speed (median over <see cref="ModeWindowSeconds"/>) at or above this is a vehicle; below it, on foot.</summary>
    public double VehicleSpeedMetresPerSecond { get; set; } = 3.5;

    /// <summary>Below this robust speed the officer is standing still and keeps the mode they had.</summary>
    public double StationarySpeedMetresPerSecond { get; set; } = 0.8;

    public double ModeWindowSeconds { get; set; } = 60;

    /// <summary>A change of mode must last this long to start a new stretch.</summary>
    public double MinStretchSeconds { get; set; } = 30;

    /// <summary>Positions less accurate than this are stored but not used to measure.</summary>
    public double MaxAccuracyMetres { get; set; } = 100;

    /// <summary>A jump between positions faster than this (beyond their accuracy) is impossible and rejected.</summary>
    public double MaxSpeedMetresPerSecond { get; set; } = 70;

    /// <summary>Pings stamped further ahead of the server's clock than this are rejected.</summary>
    public double MaxClockAheadSeconds { get; set; } = 300;

    /// <summary>Koper-length visits: between these many minutes.</summary>
    public double KoperMinMinutes { get; set; } = 10;

    public double KoperMaxMinutes { get; set; } = 16;

    /// <summary>Default for the run-time setting "Patrols.MaxPatrolMinutes": a patrol still running after this ends by itself.</summary>
    public double MaxPatrolMinutes { get; set; } = 240;

    /// <summary>Default for the run-time setting "Patrols.PingRetentionDays": raw positions older than this are purged.</summary>
    public double PingRetentionDays { get; set; } = 31;

    /// <summary>Police days back from today that the baseline job re-derives from the location feed each run.</summary>
    public int BaselineLookbackDays { get; set; } = 2;

    public string BaselineCron { get; set; } = "20 * * * *";

    public string PurgeCron { get; set; } = "30 4 * * *";

    public string AutoEndCron { get; set; } = "* * * * *";

    public bool IsKoper(double seconds) => seconds >= KoperMinMinutes * 60 && seconds <= KoperMaxMinutes * 60;

    public static PatrolSettings From(IConfiguration configuration) =>
        configuration.GetSection("Patrols").Get<PatrolSettings>() ?? new PatrolSettings();
}

using HotSpots.Platform.Settings;

namespace HotSpots.Modules.Patrols.Jobs;

/// <summary>The patrol settings an administrator changes at run time (stored and audited by the platform), with their defaults from configuration.</summary>
internal sealed class RuntimeSettings(ISettingsStore store, PatrolSettings defaults)
{
    public const string MaxPatrolMinutesKey = "Patrols.MaxPatrolMinutes";
    public const string PingRetentionDaysKey = "Patrols.PingRetentionDays";

    /// <summary>A patrol still running after this many minutes ends by itself (at least 10).</summary>
    public async Task<double> MaxPatrolMinutesAsync(CancellationToken cancellationToken) =>
        Math.Max(10, await store.GetAsync(MaxPatrolMinutesKey, defaults.MaxPatrolMinutes, cancellationToken));

    /// <summary>Raw positions are kept this many days (at least 1, so that no running patrol loses its pings).</summary>
    public async Task<double> PingRetentionDaysAsync(CancellationToken cancellationToken) =>
        Math.Max(1, await store.GetAsync(PingRetentionDaysKey, defaults.PingRetentionDays, cancellationToken));
}

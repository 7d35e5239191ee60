using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Platform;
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

    public async Task<PatrolPolicy> PolicyAsync(CancellationToken cancellationToken) =>
        new(await MaxPatrolMinutesAsync(cancellationToken), await PingRetentionDaysAsync(cancellationToken));

    public async Task SetAsync(PatrolPolicy policy, string changedBy, CancellationToken cancellationToken)
    {
        if (policy.MaxPatrolMinutes is < 10 or > 24 * 60 || !double.IsFinite(policy.MaxPatrolMinutes))
            throw new ValidationException("The longest patrol must be between 10 minutes and 24 hours.");
        if (policy.PingRetentionDays is < 1 or > 3650 || !double.IsFinite(policy.PingRetentionDays))
            throw new ValidationException("Positions must be kept between 1 day and 10 years.");
        await store.SetAsync(MaxPatrolMinutesKey, policy.MaxPatrolMinutes, changedBy, cancellationToken);
        await store.SetAsync(PingRetentionDaysKey, policy.PingRetentionDays, changedBy, cancellationToken);
    }
}

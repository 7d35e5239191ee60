using HotSpots.Modules.Hotspots.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HotSpots.Modules.Hotspots.Snapshot;

/// <summary>
/// With several app nodes on one database, a set published on one node must reach every node's snapshot: each node
/// checks every <c>Hotspots:SnapshotPollSeconds</c> and reloads when the published set or its briefings changed.
/// </summary>
internal sealed class SnapshotPoller(SnapshotStore store, HotspotSettings settings, ILogger<SnapshotPoller> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.SnapshotPollSeconds == 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.SnapshotPollSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await store.ReloadIfChangedAsync(stoppingToken))
                    log.LogInformation("Hot spot snapshot reloaded: set {SetId} published elsewhere", store.Current.Set?.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly unavailable; the snapshot in memory keeps serving and the next tick tries again.
                log.LogWarning(e, "Checking for a newly published hot spot set failed");
            }
        }
    }
}

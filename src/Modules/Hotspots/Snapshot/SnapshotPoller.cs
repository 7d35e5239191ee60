using HotSpots.Modules.Hotspots.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HotSpots.Modules.Hotspots.Snapshot;

/// <summary>
/// What reads the snapshot without asking the database (<c>IHotspotSnapshot.Current</c>: dashboards, pages) must follow a
/// set published on another node too: every <c>Hotspots:SnapshotPollSeconds</c> this checks the published set's revision
/// (one small query) and loads the set again when it changed. Tasking asks <c>CurrentAsync</c> and needs no poll.
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
                var held = store.Current;
                if (!ReferenceEquals(await store.CurrentAsync(stoppingToken), held))
                    log.LogInformation("Hot spot snapshot loaded again: set {SetId} published or edited", store.Current.Set?.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly unavailable; the snapshot in memory keeps serving and the next tick tries again.
                log.LogWarning(e, "Checking for a newly published hot spot set failed");
            }
        }
    }
}

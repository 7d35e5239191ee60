using HotSpots.Modules.Hotspots.Engine;

namespace HotSpots.Modules.Hotspots.Refresh;

/// <summary>The scheduled refresh (Hangfire recurring job "refresh-hotspots"). Hangfire stores this type's name.</summary>
internal sealed class RefreshHotspotsJob(HotspotRefresh refresh, HotspotSettings settings)
{
    public const string Id = "refresh-hotspots";

    public Task RunAsync(CancellationToken cancellationToken) =>
        refresh.RunAsync(settings.AutoPublish, "scheduled refresh", cancellationToken);
}

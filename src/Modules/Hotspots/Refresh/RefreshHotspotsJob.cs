using HotSpots.Modules.Hotspots.Review;

namespace HotSpots.Modules.Hotspots.Refresh;

/// <summary>
/// The scheduled refresh (Hangfire recurring job "refresh-hotspots"): a new draft for review, published at once when
/// the analysts' auto-publish option is on. Hangfire stores this type's name.
/// </summary>
internal sealed class RefreshHotspotsJob(HotspotRefresh refresh, OptionsStore options)
{
    public const string Id = "refresh-hotspots";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var autoPublish = (await options.GetAsync(cancellationToken)).AutoPublish;
        await refresh.RunAsync(autoPublish, autoPublish ? "scheduled refresh (auto-publish)" : "scheduled refresh", cancellationToken);
    }
}

using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Platform;
using HotSpots.Platform.Settings;

namespace HotSpots.Modules.Hotspots.Review;

/// <summary>The options analysts change at run time, in the settings store (defaults from the "Hotspots" section).</summary>
internal sealed class OptionsStore(ISettingsStore store, HotspotSettings settings)
{
    public const string CountKey = "Hotspots:Count";
    public const string AutoPublishKey = "Hotspots:AutoPublish";

    public async Task<HotspotOptions> GetAsync(CancellationToken cancellationToken) => new(
        await store.GetAsync(CountKey, settings.Count, cancellationToken),
        await store.GetAsync(AutoPublishKey, settings.AutoPublish, cancellationToken));

    public async Task SaveAsync(HotspotOptions options, string changedBy, CancellationToken cancellationToken)
    {
        if (options.Count is < 1 or > 10000)
            throw new ValidationException($"The number of hot spots is {options.Count}; it must be between 1 and 10,000.");
        var current = await GetAsync(cancellationToken);
        if (current.Count != options.Count) await store.SetAsync(CountKey, options.Count, changedBy, cancellationToken);
        if (current.AutoPublish != options.AutoPublish) await store.SetAsync(AutoPublishKey, options.AutoPublish, changedBy, cancellationToken);
    }
}

using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Settings;

namespace HotSpots.Modules.Ingestion.Harm;

/// <summary>Reads and changes the analyst's harm overrides in the settings store (every change is audited there).</summary>
internal sealed class HarmSettings(HarmTable table, ISettingsStore settings)
{
    public async Task<HarmWeights> WeightsAsync(CancellationToken cancellationToken) => table.With(await OverridesAsync(cancellationToken));

    public async Task<HarmOverrides> OverridesAsync(CancellationToken cancellationToken) =>
        await settings.GetAsync(HarmTable.SettingKey, HarmOverrides.None, cancellationToken);

    public async Task<HarmTableView> ViewAsync(CancellationToken cancellationToken) =>
        new(table.Days, await OverridesAsync(cancellationToken), table.UnknownCategoryDays);

    public async Task SetAsync(HarmOverrides overrides, string changedBy, CancellationToken cancellationToken)
    {
        foreach (var (name, days) in overrides.Categories.Concat(overrides.OffenceCodes))
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 128) throw new ValidationException("Each override needs a category or offence code of 1 to 128 characters.");
            if (!double.IsFinite(days) || days is < 0 or > 100_000) throw new ValidationException($"The weight for '{name}' must be between 0 and 100,000 days.");
        }
        await settings.SetAsync(HarmTable.SettingKey, overrides, changedBy, cancellationToken);
    }
}

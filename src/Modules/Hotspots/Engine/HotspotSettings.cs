using HotSpots.Modules.Ingestion.Contracts;
using Microsoft.Extensions.Configuration;

namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>Settings section "Hotspots".</summary>
internal sealed class HotspotSettings
{
    /// <summary>Side of a grid cell in metres.</summary>
    public double CellSizeMetres { get; set; } = 150;

    /// <summary>Months of crimes the scores are computed from, ending at the latest crime held.</summary>
    public int TrainingMonths { get; set; } = 12;

    /// <summary>How many spots to publish: the force's patrol capacity.</summary>
    public int Count { get; set; } = 20;

    /// <summary>Largest spot, in cells, so that a spot stays patrollable on foot.</summary>
    public int MaxCellsPerSpot { get; set; } = 4;

    /// <summary>Crime categories that make a hot spot; each crime counts by its harm.</summary>
    public string[] Categories { get; set; } = [.. CrimeCategories.SeriousViolence];

    /// <summary>Cron schedule of the refresh job (Hangfire; seconds allowed as a sixth field).</summary>
    public string RefreshCron { get; set; } = "0 3 * * *";

    /// <summary>Publish each scheduled refresh at once instead of leaving a draft for review.</summary>
    public bool AutoPublish { get; set; } = true;

    public static HotspotSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection("Hotspots").Get<HotspotSettings>() ?? new HotspotSettings();
        if (settings.CellSizeMetres is < 10 or > 5000)
            throw new InvalidOperationException($"Setting Hotspots:CellSizeMetres is {settings.CellSizeMetres}; it must be between 10 and 5000.");
        if (settings.Count is < 1 or > 10000)
            throw new InvalidOperationException($"Setting Hotspots:Count is {settings.Count}; it must be between 1 and 10000.");
        if (settings.MaxCellsPerSpot is < 1 or > 100)
            throw new InvalidOperationException($"Setting Hotspots:MaxCellsPerSpot is {settings.MaxCellsPerSpot}; it must be between 1 and 100.");
        return settings;
    }
}

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

    /// <summary>Months of history the blend learns from and may use (its older-history features reach 36 months back).</summary>
    public int HistoryMonths { get; set; } = 36;

    /// <summary>The score spots are made from: "blend" (learnt on the force's own history), "counts" or "kde".</summary>
    public string Method { get; set; } = ScoreMethods.Blend;

    /// <summary>Bandwidth of the quartic kernel (the density surface, and the "kde" method), in metres.</summary>
    public double KdeBandwidthMetres { get; set; } = 200;

    /// <summary>Half-width in cells of the Getis-Ord Gi* window (1: the cell and its 8 neighbours).</summary>
    public int GiRadiusCells { get; set; } = 1;

    /// <summary>False discovery rate held by the Benjamini–Hochberg procedure over the Gi* tests.</summary>
    public double FalseDiscoveryRate { get; set; } = 0.05;

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

    /// <summary>
    /// Seconds between checks of the published set's revision, for what reads the snapshot without asking the database
    /// (<c>IHotspotSnapshot.Current</c>): a set published or a briefing edited on another node; 0 turns the check off.
    /// </summary>
    public int SnapshotPollSeconds { get; set; } = 1;

    /// <summary>
    /// Share of a spot's target crimes (in the training window) recorded at a location whose name is a prison, secure
    /// hospital, hospital, police station or custody suite from which the spot is flagged for the analyst's decision.
    /// </summary>
    public double PlaceFlagShare { get; set; } = 0.25;

    public static HotspotSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection("Hotspots").Get<HotspotSettings>() ?? new HotspotSettings();
        if (settings.CellSizeMetres is < 10 or > 5000)
            throw new InvalidOperationException($"Setting Hotspots:CellSizeMetres is {settings.CellSizeMetres}; it must be between 10 and 5000.");
        if (settings.Count is < 1 or > 10000)
            throw new InvalidOperationException($"Setting Hotspots:Count is {settings.Count}; it must be between 1 and 10000.");
        if (settings.MaxCellsPerSpot is < 1 or > 100)
            throw new InvalidOperationException($"Setting Hotspots:MaxCellsPerSpot is {settings.MaxCellsPerSpot}; it must be between 1 and 100.");
        if (settings.SnapshotPollSeconds is < 0 or > 3600)
            throw new InvalidOperationException($"Setting Hotspots:SnapshotPollSeconds is {settings.SnapshotPollSeconds}; it must be between 0 (off) and 3600.");
        if (settings.TrainingMonths is < 1 or > 60)
            throw new InvalidOperationException($"Setting Hotspots:TrainingMonths is {settings.TrainingMonths}; it must be between 1 and 60.");
        if (settings.HistoryMonths < settings.TrainingMonths || settings.HistoryMonths > 120)
            throw new InvalidOperationException($"Setting Hotspots:HistoryMonths is {settings.HistoryMonths}; it must be between TrainingMonths ({settings.TrainingMonths}) and 120.");
        if (!ScoreMethods.All.Contains(settings.Method))
            throw new InvalidOperationException($"Setting Hotspots:Method is '{settings.Method}'; it must be one of {string.Join(", ", ScoreMethods.All)}.");
        if (settings.KdeBandwidthMetres is < 10 or > 5000)
            throw new InvalidOperationException($"Setting Hotspots:KdeBandwidthMetres is {settings.KdeBandwidthMetres}; it must be between 10 and 5000.");
        if (settings.GiRadiusCells is < 1 or > 20)
            throw new InvalidOperationException($"Setting Hotspots:GiRadiusCells is {settings.GiRadiusCells}; it must be between 1 and 20.");
        if (settings.FalseDiscoveryRate is <= 0 or >= 1)
            throw new InvalidOperationException($"Setting Hotspots:FalseDiscoveryRate is {settings.FalseDiscoveryRate}; it must be above 0 and below 1.");
        if (settings.PlaceFlagShare is <= 0 or > 1)
            throw new InvalidOperationException($"Setting Hotspots:PlaceFlagShare is {settings.PlaceFlagShare}; it must be above 0 and at most 1.");
        return settings;
    }
}

/// <summary>The scores a refresh can make spots from.</summary>
internal static class ScoreMethods
{
    public const string Blend = "blend";
    public const string Counts = "counts";
    public const string Kde = "kde";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Blend, Counts, Kde], StringComparer.Ordinal);
}

using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Hotspots.Contracts;

public enum HotspotSetStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>A version of the hot spots.</summary>
public sealed record HotspotSetSummary(
    long Id, HotspotSetStatus Status, DateTime CreatedUtc, DateTime? PublishedUtc,
    DateTime TrainingFromUtc, DateTime TrainingToUtc, int SpotCount, string Method);

/// <summary>A published hot spot as officers and dashboards see it.</summary>
public sealed record PublishedHotspot(
    long Id,
    long SetId,
    int Rank,
    string Name,
    GeoPoint Centre,
    IReadOnlyList<GeoPoint> Outline,
    double AreaSquareMetres,
    double Harm,
    int CrimeCount,
    HotspotWhy Why,
    string Briefing);

/// <summary>A hot spot with its polygon in projected metres (well-known binary), for measuring patrols.</summary>
public sealed record HotspotDetail(PublishedHotspot Spot, byte[] ProjectedPolygonWkb);

/// <summary>Why a place is a hot spot: what happened there, when, and where exactly.</summary>
/// <param name="PeakTimes">The busiest day-of-week × hour combinations of the target crimes (where records have times).</param>
/// <param name="Trend">Target crimes in the training window against the window of equal length before it.</param>
/// <param name="Significance">Getis-Ord Gi* of the spot's best cell, with false discovery rate control.</param>
public sealed record HotspotWhy(
    DateTime FromUtc,
    DateTime ToUtc,
    IReadOnlyList<CategoryCount> ByCategory,
    IReadOnlyList<string> Places,
    IReadOnlyList<int> PeakHours,
    IReadOnlyList<DayOfWeek> PeakDays,
    IReadOnlyList<PeakTime>? PeakTimes = null,
    HotspotTrend? Trend = null,
    HotspotSignificance? Significance = null)
{
    /// <summary>A one-line reason, e.g. "34 violence and sexual offences, 6 robberies in the last 12 months".</summary>
    public string Summary =>
        string.Join(", ", ByCategory.Take(3).Select(c => $"{c.Count} × {c.Category.ToLowerInvariant()}"))
        + $" between {FromUtc:MMM yyyy} and {ToUtc.AddDays(-1):MMM yyyy}";
}

public sealed record CategoryCount(string Category, int Count, double Harm);

/// <summary>A busy hour of a day of the week (local time), with the target crimes in it.</summary>
public sealed record PeakTime(DayOfWeek Day, int Hour, int Count);

/// <summary>Target crimes and harm now against the period of equal length before.</summary>
/// <param name="MonthsCompared">Set when a month was missing in either period: the months compared, each with the same month a
/// period earlier, both holding data (the counts cover only those months); null when every month was compared.</param>
public sealed record HotspotTrend(int PreviousCount, int Count, double PreviousHarm, double Harm, int? MonthsCompared = null)
{
    /// <summary>Change in the count, in percent; null when there was nothing before.</summary>
    public double? ChangePercent => PreviousCount == 0 ? null : Math.Round(100.0 * (Count - PreviousCount) / PreviousCount, 1);
}

/// <summary>
/// Getis-Ord Gi* z-score of the spot's best cell (the cell and its neighbours against the whole area), and whether it
/// stays significant when the false discovery rate over all cells is held at <see cref="FalseDiscoveryRate"/>.
/// </summary>
public sealed record HotspotSignificance(double GiZ, bool Significant, double FalseDiscoveryRate);

/// <summary>Limits of the analyst's briefing text.</summary>
public static class Briefings
{
    public const int MaxLength = 2000;
}

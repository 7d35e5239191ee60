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
public sealed record HotspotWhy(
    DateTime FromUtc,
    DateTime ToUtc,
    IReadOnlyList<CategoryCount> ByCategory,
    IReadOnlyList<string> Places,
    IReadOnlyList<int> PeakHours,
    IReadOnlyList<DayOfWeek> PeakDays)
{
    /// <summary>A one-line reason, e.g. "34 violence and sexual offences, 6 robberies in the last 12 months".</summary>
    public string Summary =>
        string.Join(", ", ByCategory.Take(3).Select(c => $"{c.Count} × {c.Category.ToLowerInvariant()}"))
        + $" between {FromUtc:MMM yyyy} and {ToUtc.AddDays(-1):MMM yyyy}";
}

public sealed record CategoryCount(string Category, int Count, double Harm);

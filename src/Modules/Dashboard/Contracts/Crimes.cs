using HotSpots.Modules.Hotspots.Contracts;

namespace HotSpots.Modules.Dashboard.Contracts;

/// <summary>What the crimes page shows: police days are not used here, dates are local calendar days.</summary>
/// <param name="From">First local day included; null for the last 12 months held.</param>
/// <param name="To">Last local day included; null for the latest crime held.</param>
/// <param name="Area">An area code the records give (LSOA, beat, neighbourhood).</param>
/// <param name="HotspotId">Only crimes inside this published spot.</param>
public sealed record CrimeFilter(DateOnly? From = null, DateOnly? To = null, string? Area = null, string? Category = null, long? HotspotId = null);

/// <summary>Crimes that match a filter: totals by type and harm, trends, the week × hour heat map and a map.</summary>
/// <param name="TimedCount">Matching crimes whose records give a time of day (only these are in the heat map).</param>
/// <param name="HourHeatMap">Null when no matching record has a time of day.</param>
public sealed record CrimeExplorer(
    CrimeFilter Filter, DateOnly From, DateOnly To, long Count, double Harm, long TimedCount,
    IReadOnlyList<string> Areas, IReadOnlyList<string> Categories, IReadOnlyList<PublishedHotspot> Spots,
    IReadOnlyList<TypeTotal> ByType, Chart ByMonth, Chart ByWeek, Chart? HourHeatMap, Chart Map);

public sealed record TypeTotal(string Category, long Count, double Harm, bool SeriousViolence);

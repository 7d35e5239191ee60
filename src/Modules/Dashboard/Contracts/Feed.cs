namespace HotSpots.Modules.Dashboard.Contracts;

/// <summary>The OData feed's entity sets. Crimes carry no reference, no people and a position rounded to the crime's 100 m cell.</summary>
public sealed record FeedSource(
    IEnumerable<HotspotRow> Hotspots, IEnumerable<VisitRow> Visits, IEnumerable<ActivityRow> Activities, IEnumerable<CrimeRow> Crimes);

public sealed class HotspotRow
{
    public long Id { get; init; }
    public long SetId { get; init; }
    public int Rank { get; init; }
    public string Name { get; init; } = "";
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public double AreaSquareMetres { get; init; }
    public int CrimeCount { get; init; }
    public double Harm { get; init; }
}

public sealed class VisitRow
{
    public long Id { get; init; }
    public long HotspotId { get; init; }
    public string Source { get; init; } = "";
    public DateTimeOffset Entered { get; init; }
    public DateTimeOffset Exited { get; init; }
    public double Minutes { get; init; }
    public string Mode { get; init; } = "";
    public bool Koper { get; init; }
}

public sealed class ActivityRow
{
    public long Id { get; init; }
    public long HotspotId { get; init; }
    public DateTimeOffset Time { get; init; }
    public string Kind { get; init; } = "";
}

public sealed class CrimeRow
{
    public long Id { get; init; }
    public string Category { get; init; } = "";
    public DateTimeOffset Occurred { get; init; }
    public bool HasTimeOfDay { get; init; }
    public int Year { get; init; }
    public int Month { get; init; }
    public double Harm { get; init; }
    public string? Area { get; init; }
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public long? HotspotId { get; init; }
}

using HotSpots.Modules.Hotspots.Contracts;

namespace HotSpots.Modules.Hotspots.Data;

internal sealed class HotspotSet
{
    public long Id { get; set; }
    public HotspotSetStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public string? PublishedBy { get; set; }
    public DateTime TrainingFromUtc { get; set; }
    public DateTime TrainingToUtc { get; set; }
    public double CellSizeMetres { get; set; }
    public required string Method { get; set; }
    public List<Hotspot> Spots { get; set; } = [];
}

internal sealed class Hotspot
{
    public long Id { get; set; }
    public long SetId { get; set; }
    public int Rank { get; set; }
    public required string Name { get; set; }

    /// <summary>Polygon in projected metres, as well-known binary (the same on SQLite and PostgreSQL).</summary>
    public required byte[] PolygonWkb { get; set; }

    public double CentreLatitude { get; set; }
    public double CentreLongitude { get; set; }
    public double AreaSquareMetres { get; set; }
    public double Score { get; set; }
    public double Harm { get; set; }
    public int CrimeCount { get; set; }

    /// <summary>Why here, as JSON (<see cref="HotspotWhy"/>).</summary>
    public required string WhyJson { get; set; }

    public string Briefing { get; set; } = "";
}

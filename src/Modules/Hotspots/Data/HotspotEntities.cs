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

    /// <summary>How the set was computed (settings, the blend's fitted weights), as JSON, so that any version can be explained.</summary>
    public string ParametersJson { get; set; } = "{}";

    /// <summary>The density surface for the review map: the densest cells as (column, row, value) triples.</summary>
    public byte[] Surface { get; set; } = [];

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

    /// <summary>The highest Getis-Ord Gi* z-score among the spot's cells.</summary>
    public double GiZ { get; set; }

    /// <summary>True when a cell of the spot is a significant hot spot at the set's false discovery rate.</summary>
    public bool Significant { get; set; }

    /// <summary>Why here, as JSON (<see cref="HotspotWhy"/>).</summary>
    public required string WhyJson { get; set; }

    public string Briefing { get; set; } = "";

    /// <summary>
    /// Set when the analyst excluded the spot from its draft set (it is at a place no patrol can treat). An excluded spot
    /// is kept on record but left out of every read of the set (a query filter), so it is never published.
    /// </summary>
    public DateTime? ExcludedUtc { get; set; }
}

/// <summary>A place never to make a hot spot of (a hospital, custody suite, prison): a drawn area, or a point with a radius.</summary>
internal sealed class Exclusion
{
    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The area in projected metres, as well-known binary (a point with a radius is stored as its circle).</summary>
    public required byte[] PolygonWkb { get; set; }

    /// <summary>The centre, for a point with a radius.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? RadiusMetres { get; set; }

    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>Removed exclusions are kept, so that every older set can still be explained.</summary>
    public DateTime? RemovedUtc { get; set; }
    public string? RemovedBy { get; set; }
}

/// <summary>A backtest asked for in the web app, run by a background job.</summary>
internal sealed class BacktestRecord
{
    public long Id { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime RequestedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public BacktestRunStatus Status { get; set; }
    public string Stage { get; set; } = "";
    public int Done { get; set; }
    public int Total { get; set; }
    public required string RequestJson { get; set; }
    public string? ReportJson { get; set; }
    public string? Error { get; set; }
}

/// <summary>A spot of a set found at a place no patrol can treat, with the reason and the analyst's decision.</summary>
internal sealed class SpotPlaceFlag
{
    public long Id { get; set; }
    public long SetId { get; set; }
    public long HotspotId { get; set; }
    public PlaceKind Kind { get; set; }
    public required string Place { get; set; }
    public PlaceMatch Match { get; set; }
    public required string Reason { get; set; }

    /// <summary>The spot's cells that hold the place, in projected metres as well-known binary: what an exclusion leaves out.</summary>
    public required byte[] AreaWkb { get; set; }

    public PlaceDecision Decision { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedBy { get; set; }
    public string? Note { get; set; }

    /// <summary>The exclusion added when the spot was excluded, removed again if the analyst then keeps the spot.</summary>
    public long? ExclusionId { get; set; }
}

/// <summary>A place on the force's uploaded list (prison, secure hospital, police station, custody suite, hospital).</summary>
internal sealed class ForcePlace
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public PlaceKind Kind { get; set; }

    /// <summary>The place in projected metres, as well-known binary (a point with a radius is stored as its circle).</summary>
    public required byte[] ShapeWkb { get; set; }

    /// <summary>A point inside the place, for the list and the map.</summary>
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public double? RadiusMetres { get; set; }

    public DateTime UploadedUtc { get; set; }
    public required string UploadedBy { get; set; }
}

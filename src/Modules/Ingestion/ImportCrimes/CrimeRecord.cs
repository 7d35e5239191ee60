using HotSpots.Modules.Ingestion.Reading;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>A reader of crime records (data.police.uk, force records, mapped CSV, JSON Lines).</summary>
internal interface ICrimeRowReader : IRowReader<CrimeRecord>;

/// <summary>One valid row of any format, ready to be written.</summary>
internal sealed class CrimeRecord
{
    public required string Source { get; init; }

    /// <summary>Stable key within the source; the same record read again has the same key.</summary>
    public required string SourceKey { get; init; }

    /// <summary>Hash of the record's content; a different hash for the same key means the source changed it.</summary>
    public required long ContentHash { get; init; }

    public string? Reference { get; init; }
    public required string Category { get; init; }
    public string? OffenceCode { get; init; }
    public required DateTime OccurredFromUtc { get; init; }
    public DateTime? OccurredToUtc { get; init; }
    public bool HasTimeOfDay { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Location { get; init; }
    public string? AreaCode { get; init; }
    public string? Outcome { get; init; }
    public IReadOnlyList<(string PersonId, string Role)> People { get; init; } = [];

    /// <summary>Projected position (metres), set once at import; null without a position.</summary>
    public double? X { get; set; }

    public double? Y { get; set; }

    /// <summary>Outside the force boundary, when one is configured.</summary>
    public bool OutOfArea { get; set; }

    public bool Unmappable => Latitude is null || X is null;
}


namespace HotSpots.Modules.Ingestion.Data;

/// <summary>One crime record as held: the source's content plus what HotSpots derived at import.</summary>
internal sealed class Crime
{
    public long Id { get; set; }

    /// <summary>Which kind of source: police-uk, force.</summary>
    public required string Source { get; set; }

    /// <summary>Stable key within the source; the same record imported again has the same key.</summary>
    public required string SourceKey { get; set; }

    /// <summary>Hash of the record's content; a changed hash means the source updated the record.</summary>
    public long ContentHash { get; set; }

    public string? Reference { get; set; }
    public required string Category { get; set; }
    public string? OffenceCode { get; set; }
    public DateTime OccurredFromUtc { get; set; }
    public DateTime? OccurredToUtc { get; set; }
    public bool HasTimeOfDay { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? X { get; set; }
    public double? Y { get; set; }
    public string? Location { get; set; }
    public string? AreaCode { get; set; }
    public string? Outcome { get; set; }

    /// <summary>No usable position: counted in totals, left off maps and grids.</summary>
    public bool Unmappable { get; set; }

    /// <summary>Outside the force boundary (when one is configured): kept, and flagged.</summary>
    public bool OutOfArea { get; set; }

    public long ImportId { get; set; }
    public List<PersonLink> People { get; set; } = [];
}

/// <summary>A pseudonymised person linked to a crime, with their role in it.</summary>
internal sealed class PersonLink
{
    public long Id { get; set; }
    public long CrimeId { get; set; }
    public required string PersonId { get; set; }
    public required string Role { get; set; }
}

/// <summary>One run of an import, with its progress while it runs and its report when it ends.</summary>
internal sealed class ImportRun
{
    public long Id { get; set; }
    public required string Path { get; set; }

    /// <summary>What the analyst knows the input as (an upload's original name, the path given).</summary>
    public string? DisplayName { get; set; }

    public required string Format { get; set; }
    public string? Profile { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }

    /// <summary>Last sign of life of a running import; a running import without one for long was interrupted.</summary>
    public DateTime? HeartbeatUtc { get; set; }

    /// <summary>queued, running, completed, completed-with-errors, failed, interrupted.</summary>
    public required string Status { get; set; }

    public string? CurrentFile { get; set; }
    public long RowsDone { get; set; }
    public long BytesDone { get; set; }
    public long BytesTotal { get; set; }
    public long Imported { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    public long Quarantined { get; set; }
    public long Unmappable { get; set; }
    public long OutOfArea { get; set; }
    public int FailedFiles { get; set; }
    public string? Error { get; set; }

    /// <summary>JSON: the notes and file-level problems of the report.</summary>
    public string? ReportJson { get; set; }
}

/// <summary>A row that could not be imported, kept with its reason so an analyst can fix and re-submit it.</summary>
internal sealed class QuarantinedRow
{
    public long Id { get; set; }
    public long ImportId { get; set; }
    public required string File { get; set; }
    public long Line { get; set; }
    public required string Field { get; set; }
    public required string Reason { get; set; }
    public required string RawText { get; set; }

    /// <summary>Hash of the raw line: the same bad line of the same file is kept once, however often it is imported.</summary>
    public long RawHash { get; set; }

    /// <summary>How to read the row again: the format, the profile and the file's header line.</summary>
    public required string Format { get; set; }

    public string? Profile { get; set; }
    public string? Header { get; set; }

    /// <summary>open, resubmitted or dismissed.</summary>
    public required string Status { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The line as the analyst corrected it, when re-submitted.</summary>
    public string? FixedText { get; set; }

    public string? ResolvedBy { get; set; }
    public DateTime? ResolvedUtc { get; set; }
}

/// <summary>A saved mapping profile (its definition as JSON).</summary>
internal sealed class ProfileRow
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Json { get; set; }
    public bool BuiltIn { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedUtc { get; set; }
}

/// <summary>A position of a police unit from a location feed.</summary>
internal sealed class UnitPositionRow
{
    public long Id { get; set; }
    public required string UnitId { get; set; }
    public Contracts.UnitType UnitType { get; set; }
    public DateTime TimeUtc { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public double? AccuracyMetres { get; set; }
    public double X { get; set; }
    public double Y { get; set; }
    public long ImportId { get; set; }
}

namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>One import in the history: its progress while it runs, its report when it has ended.</summary>
/// <param name="Status">queued, running, completed, failed or interrupted.</param>
/// <param name="Resubmitted">Quarantined rows of this import fixed and imported since.</param>
public sealed record ImportSummary(
    long Id,
    string Name,
    string Format,
    string? Profile,
    string RequestedBy,
    DateTime CreatedUtc,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    DateTime? HeartbeatUtc,
    string Status,
    string? CurrentFile,
    long RowsDone,
    long BytesDone,
    long BytesTotal,
    long Imported,
    long Updated,
    long Unchanged,
    long Quarantined,
    long Unmappable,
    long OutOfArea,
    int FailedFiles,
    string? Error,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ImportProblem> FileProblems,
    long Resubmitted = 0)
{
    public bool IsActive => Status is "queued" or "running";

    public double Percent => Status == "completed" ? 100 : BytesTotal > 0 ? Math.Min(100, 100.0 * BytesDone / BytesTotal) : 0;

    public double RowsPerSecond =>
        RowsDone / Math.Max(((FinishedUtc ?? HeartbeatUtc ?? StartedUtc) - StartedUtc).TotalSeconds, 1e-3);
}

/// <summary>Where an import can be watched: its id in the history.</summary>
public sealed record QueuedImport(long ImportId);

/// <summary>Settings of the ingestion module that analysts change at run time.</summary>
/// <param name="WatchFolder">A folder on the server whose new files are imported every minute (empty: off).</param>
/// <param name="BoundaryFile">The force boundary GeoJSON used to flag out-of-area positions (empty: none).</param>
public sealed record IngestionSettings(string? WatchFolder, string? BoundaryFile, long MaxUploadBytes);

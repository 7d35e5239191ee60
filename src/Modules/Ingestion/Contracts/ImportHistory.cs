namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>One import in the history: its progress while it runs, its report when it has ended.</summary>
/// <param name="Status">
/// queued, running, completed, failed or interrupted: its node stopped before it ended (or its heartbeat is older than the
/// time after which it is taken for dead); it resumes by itself on a node that runs jobs, going on from the rows it wrote.
/// Its counts (<paramref name="Imported"/> …) are the rows committed so far while it has not ended.
/// </param>
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
    /// <summary>Not ended yet: queued, running, or interrupted and waiting to resume.</summary>
    public bool IsActive => Status is "queued" or "running" or "interrupted";

    /// <summary>What the status means, in plain words.</summary>
    public string StatusText => Status switch
    {
        "queued" => "Queued: waiting for a node that runs jobs to take it.",
        "running" => "Running.",
        "interrupted" => "Waiting to resume: the node running it stopped before it ended. A node that runs jobs takes it up again " +
                         "within a minute and goes on from where it stopped; the rows imported so far are kept and not counted twice.",
        "completed" => "Completed.",
        "failed" => "Failed.",
        _ => Status,
    };

    public double Percent => Status == "completed" ? 100 : BytesTotal > 0 ? Math.Min(100, 100.0 * BytesDone / BytesTotal) : 0;

    public double RowsPerSecond =>
        RowsDone / Math.Max(((FinishedUtc ?? HeartbeatUtc ?? StartedUtc) - StartedUtc).TotalSeconds, 1e-3);
}

/// <summary>Where an import can be watched: its id in the history.</summary>
public sealed record QueuedImport(long ImportId);

/// <summary>Settings of the ingestion module that analysts and administrators change at run time.</summary>
/// <param name="WatchFolder">A folder on the server whose new files are imported every minute (empty: off); an administrator's choice, inside <paramref name="WatchFolderRoot"/>.</param>
/// <param name="BoundaryFile">The force boundary GeoJSON used to flag out-of-area positions (empty: none).</param>
/// <param name="WatchFolderRoot">The import root (setting Ingestion:WatchFolderRoot): the watched folder must be inside it.</param>
public sealed record IngestionSettings(string? WatchFolder, string? BoundaryFile, long MaxUploadBytes, string WatchFolderRoot);

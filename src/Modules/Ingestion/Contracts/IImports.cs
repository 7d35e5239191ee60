namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>
/// Records in: imports run now or queued, their history, and the rows they quarantined. For the web host's import
/// pages and API, the command line and the demo seed; no other module may use it (the architecture tests hold this).
/// Importing the same data twice adds nothing; every row is either kept or quarantined with what is wrong.
/// </summary>
public interface IImports
{
    /// <summary>Imports a file, a folder or a zip now. Importing the same data twice adds nothing.</summary>
    Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Records the import in the history as queued and runs it as a background job; follow it with <see cref="GetImportAsync"/>.</summary>
    Task<QueuedImport> QueueImportAsync(ImportRequest request, CancellationToken cancellationToken);

    /// <summary>The latest imports, newest first.</summary>
    Task<IReadOnlyList<ImportSummary>> ListImportsAsync(int take, CancellationToken cancellationToken);

    /// <summary>One import's progress or report, or null when there is no such import.</summary>
    Task<ImportSummary?> GetImportAsync(long importId, CancellationToken cancellationToken);

    /// <summary>Quarantined rows, in file and line order.</summary>
    Task<QuarantinePage> ListQuarantineAsync(QuarantineQuery query, CancellationToken cancellationToken);

    /// <summary>One quarantined row with its file's header, or null when there is no such row.</summary>
    Task<QuarantinedRowView?> GetQuarantinedRowAsync(long id, CancellationToken cancellationToken);

    /// <summary>Reads a fixed row with its file's format and header and imports it; or says what is still wrong.</summary>
    Task<ResubmitResult> ResubmitAsync(long id, string fixedText, string resubmittedBy, CancellationToken cancellationToken);

    /// <summary>Leaves a quarantined row out for good, with the reason.</summary>
    Task DismissAsync(long id, string dismissedBy, string? why, CancellationToken cancellationToken);
}

namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>Crime records in, clean and idempotent; read back for hot spots and dashboards.</summary>
public interface IIngestionModule
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

    Task<QuarantinedRowView?> GetQuarantinedRowAsync(long id, CancellationToken cancellationToken);

    /// <summary>Reads a fixed row with its file's format and header and imports it; or says what is still wrong.</summary>
    Task<ResubmitResult> ResubmitAsync(long id, string fixedText, string resubmittedBy, CancellationToken cancellationToken);

    /// <summary>Leaves a quarantined row out for good, with the reason.</summary>
    Task DismissAsync(long id, string dismissedBy, string? why, CancellationToken cancellationToken);

    /// <summary>Saved mapping profiles, the shipped ones included.</summary>
    Task<IReadOnlyList<MappingProfile>> ListProfilesAsync(CancellationToken cancellationToken);

    /// <summary>Checks and saves a profile (new or changed); throws <see cref="ProfileException"/> saying what is wrong.</summary>
    Task<MappingProfile> SaveProfileAsync(MappingProfile profile, string changedBy, CancellationToken cancellationToken);

    Task<bool> DeleteProfileAsync(string name, string deletedBy, CancellationToken cancellationToken);

    /// <summary>The harm weights in force: shipped, overridden, and for unknown categories.</summary>
    Task<HarmTableView> GetHarmTableAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the analyst's harm overrides (audited).</summary>
    Task SetHarmOverridesAsync(HarmOverrides overrides, string changedBy, CancellationToken cancellationToken);

    Task<IngestionSettings> GetSettingsAsync(CancellationToken cancellationToken);

    /// <summary>Sets (or, with null, turns off) the folder whose new files are imported every minute.</summary>
    Task SetWatchFolderAsync(string? folder, string changedBy, CancellationToken cancellationToken);

    /// <summary>Sets the force boundary from a GeoJSON file of polygons (null removes it); positions outside are flagged.</summary>
    Task SetBoundaryAsync(Stream? geoJson, string changedBy, CancellationToken cancellationToken);

    /// <summary>
    /// Reads crime files (a file, a folder, .gz, .zip) without storing them, for backtests and previews: every valid row
    /// with a position, projected and harm-weighted. Rows without a position or with errors are skipped.
    /// </summary>
    IAsyncEnumerable<CrimePoint> ReadPointsAsync(string path, CrimeFileFormat format, CancellationToken cancellationToken);

    /// <summary>Mappable crimes (with a position) that occurred in [from, to), for spatial analysis.</summary>
    Task<IReadOnlyList<CrimePoint>> GetCrimePointsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Mappable crimes that occurred in [from, to) as columns, in the order they were first stored: the same crimes as
    /// <see cref="GetCrimePointsAsync"/>, without an object per crime, for hot spot refreshes over a million crimes.
    /// Cut from a copy held in memory, which is read again when the crimes in the database have changed (checked on
    /// every call). A window that holds every crime shares that copy's arrays, which callers must not change: while
    /// neither the crimes nor the harm weights change, it is the same table each time.
    /// </summary>
    Task<CrimeTable> GetCrimeTableAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>Counts and harm by category and calendar month (UTC), including crimes with no location.</summary>
    Task<IReadOnlyList<CategoryMonthCount>> GetMonthlyCountsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>The instant of the latest crime held, or null when there are none.</summary>
    Task<DateTime?> GetLatestOccurrenceAsync(CancellationToken cancellationToken);

    /// <summary>Positions of police units from location feeds in [from, to), in time order per unit.</summary>
    Task<IReadOnlyList<UnitPosition>> GetUnitPositionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>How long people links and import history are kept.</summary>
    Task<IngestionRetention> GetRetentionAsync(CancellationToken cancellationToken);

    /// <summary>Changes the retention periods (each change audited); throws <see cref="HotSpots.Platform.ValidationException"/> for a period under a day.</summary>
    Task SetRetentionAsync(IngestionRetention retention, string changedBy, CancellationToken cancellationToken);

    /// <summary>Erases what is past its retention now (the daily job purge-ingestion-retention does the same) and audits it.</summary>
    Task<RetentionPurge> PurgeExpiredAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The links between pseudonymised people and crimes that occurred in [from, to); only one person's when
    /// <paramref name="personId"/> is given. Oldest first.
    /// </summary>
    Task<IReadOnlyList<PersonCrimeLink>> GetPersonLinksAsync(DateTime fromUtc, DateTime toUtc, string? personId, CancellationToken cancellationToken);

    /// <summary>Total crimes held.</summary>
    Task<long> CountCrimesAsync(CancellationToken cancellationToken);
}

namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>Crime records in, clean and idempotent; read back for hot spots and dashboards.</summary>
public interface IIngestionModule
{
    /// <summary>Imports one file (or a folder of files). Importing the same data twice adds nothing.</summary>
    Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Reads crime files (a file, a folder, .gz) without storing them, for backtests and previews: every valid row
    /// with a position, projected and harm-weighted. Rows without a position or with errors are skipped.
    /// </summary>
    IAsyncEnumerable<CrimePoint> ReadPointsAsync(string path, CrimeFileFormat format, CancellationToken cancellationToken);

    /// <summary>Mappable crimes (with a position) that occurred in [from, to), for spatial analysis.</summary>
    Task<IReadOnlyList<CrimePoint>> GetCrimePointsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Mappable crimes that occurred in [from, to) as columns: the same crimes as <see cref="GetCrimePointsAsync"/>,
    /// read without an object per crime, for hot spot refreshes over a million crimes.
    /// </summary>
    Task<CrimeTable> GetCrimeTableAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>Counts and harm by category and calendar month (UTC), including crimes with no location.</summary>
    Task<IReadOnlyList<CategoryMonthCount>> GetMonthlyCountsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>The instant of the latest crime held, or null when there are none.</summary>
    Task<DateTime?> GetLatestOccurrenceAsync(CancellationToken cancellationToken);

    /// <summary>Positions of police units from location feeds in [from, to), in time order per unit.</summary>
    Task<IReadOnlyList<UnitPosition>> GetUnitPositionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>Total crimes held.</summary>
    Task<long> CountCrimesAsync(CancellationToken cancellationToken);
}

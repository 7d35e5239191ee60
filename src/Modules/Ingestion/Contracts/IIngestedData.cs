namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>
/// What other modules read from ingestion: the crimes held, the people linked to them, the police location feed, and
/// crime files read the same way without being stored (backtests). The only part of ingestion another module may use.
/// Nothing here changes what is held or any setting, and every answer is a read-only value the caller may keep.
/// </summary>
public interface IIngestedData
{
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

    /// <summary>Total crimes held.</summary>
    Task<long> CountCrimesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The links between pseudonymised people and crimes that occurred in [from, to); only one person's when
    /// <paramref name="personId"/> is given. Oldest first.
    /// </summary>
    Task<IReadOnlyList<PersonCrimeLink>> GetPersonLinksAsync(DateTime fromUtc, DateTime toUtc, string? personId, CancellationToken cancellationToken);

    /// <summary>Positions of police units from location feeds in [from, to), in time order per unit.</summary>
    Task<IReadOnlyList<UnitPosition>> GetUnitPositionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Reads crime files (a file, a folder, .gz, .zip) without storing them, for backtests and previews: every valid row
    /// with a position, projected and harm-weighted. Rows without a position or with errors are skipped.
    /// </summary>
    IAsyncEnumerable<CrimePoint> ReadPointsAsync(string path, CrimeFileFormat format, CancellationToken cancellationToken);
}

namespace HotSpots.Modules.Hotspots.Contracts;

/// <summary>Computes, versions and publishes hot spot sets.</summary>
public interface IHotspotModule
{
    /// <summary>Computes a new set from the crimes held. Publishes it at once when <paramref name="publish"/> is true.</summary>
    Task<HotspotSetSummary> RefreshAsync(bool publish, string requestedBy, CancellationToken cancellationToken);

    /// <summary>Publishes a set: it replaces the published one, and tasking uses it from now on.</summary>
    Task PublishAsync(long setId, string publishedBy, CancellationToken cancellationToken);

    /// <summary>Sets, newest first.</summary>
    Task<IReadOnlyList<HotspotSetSummary>> ListSetsAsync(int count, CancellationToken cancellationToken);

    /// <summary>One hot spot of any set, with its polygon; null when there is no such spot.</summary>
    Task<HotspotDetail?> GetHotspotAsync(long hotspotId, CancellationToken cancellationToken);

    /// <summary>
    /// An in-memory snapshot of some spots of any set (published or not), e.g. the spots a trial froze.
    /// Spots that are not in the set are left out.
    /// </summary>
    Task<HotspotSnapshot> GetSnapshotAsync(long setId, IReadOnlyCollection<long> hotspotIds, CancellationToken cancellationToken);
}

/// <summary>
/// The published hot spots, held in memory and swapped whole when a set is published or a published spot's briefing
/// changes (revision <see cref="HotspotRevisions.Published"/>).
/// </summary>
public interface IHotspotSnapshot
{
    /// <summary>
    /// The snapshot held, without a look at the database: current on the node that published, and on other nodes within
    /// <c>Hotspots:SnapshotPollSeconds</c> of a change.
    /// </summary>
    HotspotSnapshot Current { get; }

    /// <summary>
    /// The snapshot as of now: checks the revision of the published set first (one small query) and loads the set again
    /// when it changed, on this node or another.
    /// </summary>
    Task<HotspotSnapshot> CurrentAsync(CancellationToken cancellationToken);
}

/// <summary>The kinds of data this module raises a revision of (HotSpots.Platform.Revisions), for copies held in memory.</summary>
public static class HotspotRevisions
{
    /// <summary>Raised when a set is published (the previous one retired) and when a published spot's briefing changes.</summary>
    public const string Published = "hotspots.published";
}

/// <summary>Raised after a set is published.</summary>
public sealed record HotspotSetPublished(long SetId, DateTime PublishedUtc);

/// <summary>Backtests: how well the hot spots would have predicted each month, on files or on the crimes held.</summary>
public interface IHotspotBacktest
{
    /// <summary>Runs a backtest now and returns its report.</summary>
    Task<BacktestReport> RunAsync(BacktestRequest request, IProgress<BacktestProgress>? progress, CancellationToken cancellationToken);
}

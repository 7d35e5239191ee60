namespace HotSpots.Platform.Revisions;

/// <summary>
/// A copy of some data held in memory, for every caller of the process, that notices change the one way: it names the
/// kinds of data it is built from, reads their revisions on every use (one small query, <see cref="IRevisionReader"/>),
/// and builds again when any of them, or the key, changed. What it builds is stamped with the revisions read
/// <em>before</em> building, so that a write that commits while a build runs is never taken as seen: the build may or
/// may not hold it, and the next use, reading the newer number, builds again. A use therefore never answers from a copy
/// older than the writes committed before it began.
/// </summary>
/// <typeparam name="TKey">What else the copy depends on (e.g. the police day); compared with its Equals.</typeparam>
/// <remarks>
/// <paramref name="maxAge"/> is only for what changes without a revision (measurements such as minutes patrolled today,
/// which every ping would raise): a copy older than that is built again at its next use. Builds run one at a time.
/// </remarks>
public class RevisionedCache<TKey, T>(
    IRevisionReader revisions, IReadOnlyList<string> kinds, Func<TKey, RevisionStamp, CancellationToken, Task<T>> build,
    TimeProvider clock, TimeSpan? maxAge = null)
    where T : class
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private volatile Built? _held;

    /// <summary>The kinds of data the copy is built from.</summary>
    public IReadOnlyList<string> Kinds { get; } = kinds.ToArray();

    /// <summary>The copy last built, without checking whether it is current (null before the first build).</summary>
    public T? Held => _held?.Value;

    /// <summary>The revisions the held copy was built from.</summary>
    public RevisionStamp? HeldStamp => _held?.Stamp;

    /// <summary>The copy for <paramref name="key"/>, built again first when the data it was built from changed.</summary>
    public async Task<T> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        var stamp = (await revisions.ReadAsync(cancellationToken)).Stamp(Kinds);
        var now = clock.GetUtcNow();
        if (_held is { } held && Fits(held, key, stamp, now)) return held.Value;
        await _building.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have built it while this one waited: from revisions at least as new as this one's.
            if (_held is { } built && Fits(built, key, stamp, now)) return built.Value;
            // The stamp was read before this build begins: whatever commits from now on is not counted in it.
            var value = await build(key, stamp, cancellationToken);
            _held = new Built(key, stamp, now, value);
            return value;
        }
        finally
        {
            _building.Release();
        }
    }

    private bool Fits(Built held, TKey key, RevisionStamp read, DateTimeOffset now) =>
        EqualityComparer<TKey>.Default.Equals(held.Key, key)
        && held.Stamp.Covers(read)
        && (maxAge is not { } age || now - held.BuiltAt < age);

    private sealed record Built(TKey Key, RevisionStamp Stamp, DateTimeOffset BuiltAt, T Value);
}

/// <summary>A <see cref="RevisionedCache{TKey,T}"/> that depends on nothing but its kinds of data.</summary>
public sealed class RevisionedCache<T>(
    IRevisionReader revisions, IReadOnlyList<string> kinds, Func<RevisionStamp, CancellationToken, Task<T>> build, TimeProvider clock)
    : RevisionedCache<bool, T>(revisions, kinds, (_, stamp, cancellationToken) => build(stamp, cancellationToken), clock)
    where T : class
{
    public Task<T> GetAsync(CancellationToken cancellationToken) => GetAsync(true, cancellationToken);
}

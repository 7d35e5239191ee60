using System.Collections.Concurrent;
using HotSpots.Modules.Patrols.Tracks;

namespace HotSpots.Modules.Patrols.Store;

/// <summary>
/// A running patrol's derivation, kept between batches so that each batch only feeds its own pings. It is valid
/// for the database only while <see cref="PingCount"/> matches the session row (another node, a restart or a
/// failed transaction make it stale, and the patrol is then re-derived from its stored pings).
/// </summary>
internal sealed class PatrolState(long patrolId, string officerId, long hotspotId, SpotShape shape, TrackDeriver deriver, double edgeBufferMetres)
{
    public long PatrolId { get; } = patrolId;
    public string OfficerId { get; } = officerId;
    public long HotspotId { get; } = hotspotId;
    public SpotShape Shape { get; } = shape;
    public TrackDeriver Deriver { get; } = deriver;
    public double EdgeBufferMetres { get; } = edgeBufferMetres;
    public int PingCount { get; set; }

    /// <summary>Closed visits, stops and stretches already written: rows from these ordinals on are rewritten.</summary>
    public int PersistedVisits { get; set; }
    public int PersistedStops { get; set; }
    public int PersistedStretches { get; set; }

    public DateTime TouchedUtc { get; set; }
}

/// <summary>The derivations of running patrols in this process. A batch takes its patrol's state out and puts it back after commit.</summary>
internal sealed class PatrolStateCache
{
    private readonly ConcurrentDictionary<long, PatrolState> _states = new();

    /// <summary>The state, when it matches the stored ping count; null otherwise (re-derive).</summary>
    public PatrolState? Take(long patrolId, int storedPingCount) =>
        _states.TryRemove(patrolId, out var state) && state.PingCount == storedPingCount ? state : null;

    public void Put(PatrolState state) => _states[state.PatrolId] = state;

    public void Forget(long patrolId) => _states.TryRemove(patrolId, out _);

    /// <summary>Drops states not used since the given time (patrols abandoned without an end).</summary>
    public int Sweep(DateTime untouchedSinceUtc)
    {
        var dropped = 0;
        foreach (var (id, state) in _states)
            if (state.TouchedUtc < untouchedSinceUtc && _states.TryRemove(id, out _)) dropped++;
        return dropped;
    }
}

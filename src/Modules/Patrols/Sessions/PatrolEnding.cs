using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Store;

namespace HotSpots.Modules.Patrols.Sessions;

/// <summary>Ends a patrol: closes its open visit, stop and stretch, stores how much of it was measured, and stops taking its pings (privacy).</summary>
internal sealed class PatrolEnding(
    PatrolsDbContext db, TrackWriter writer, PatrolStateCache cache, TrackDerivations derivations, PatrolObservation observation, TimeProvider clock)
{
    public const string ByOfficer = "officer";
    public const string Automatic = "automatic";
    public const string Replaced = "replaced";

    /// <summary>Ends the patrol at the given time (kept between its start and now); false when it had already ended.</summary>
    public async Task<bool> EndAsync(long patrolId, string? officerId, DateTime? endedUtc, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var write = await writer.BeginAsync(db, cancellationToken);
        var session = await write.ReadSessionAsync(patrolId, cancellationToken);
        if (session is null || officerId is not null && session.OfficerId != officerId) throw new PatrolNotFoundException(patrolId);
        if (session.EndedUtc is not null) return false;

        var ended = endedUtc ?? now;
        if (ended > now) ended = now;
        if (session.LastPingUtc is { } last && ended < last) ended = last;
        if (ended < session.StartedUtc) ended = session.StartedUtc;

        var state = cache.Take(patrolId, session.PingCount);
        if (state is null)
        {
            state = derivations.Create(session);
            foreach (var point in await write.LoadPointsAsync(patrolId, cancellationToken)) state.Deriver.Add(point);
            state.PingCount = session.PingCount;
        }
        state.Deriver.Finish();
        await write.WriteDerivedAsync(state, derivations.Totals(state, session.LastPingUtc), ended, reason, cancellationToken);
        await observation.StoreAsync(patrolId, cancellationToken);
        await write.CommitAsync(cancellationToken);
        cache.Forget(patrolId);
        return true;
    }
}

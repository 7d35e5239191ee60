using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Store;
using Microsoft.EntityFrameworkCore;

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

        var state = cache.Take(patrolId, session.PingCount) ?? await DeriveAsync(write, session, cancellationToken);
        state.Deriver.Finish();
        await write.WriteDerivedAsync(state, derivations.Totals(state, session.LastPingUtc), ended, reason, cancellationToken);
        await observation.StoreAsync(patrolId, cancellationToken);
        await write.CommitAsync(cancellationToken);
        cache.Forget(patrolId);
        return true;
    }

    /// <summary>
    /// An ended patrol got a stretch the page could not measure after it ended (sent late from the phone's queue): its visits
    /// and figures are derived again from its positions. Nothing is done once its positions are purged.
    /// </summary>
    public async Task RederiveEndedAsync(long patrolId, CancellationToken cancellationToken)
    {
        await using var write = await writer.BeginAsync(db, cancellationToken);
        var session = await write.ReadSessionAsync(patrolId, cancellationToken);
        if (session?.EndedUtc is null) return;
        if (await db.Patrols.AsNoTracking().AnyAsync(p => p.Id == patrolId && p.PingsPurgedUtc != null, cancellationToken)) return;
        var state = await DeriveAsync(write, session, cancellationToken);
        state.Deriver.Finish();
        await write.WriteDerivedAsync(state, derivations.Totals(state, session.LastPingUtc), null, null, cancellationToken);
        await observation.StoreAsync(patrolId, cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    private async Task<PatrolState> DeriveAsync(TrackWrite write, SessionRow session, CancellationToken cancellationToken)
    {
        var state = derivations.Create(session, await write.LoadUnobservedAsync(session.Id, cancellationToken));
        foreach (var point in await write.LoadPointsAsync(session.Id, cancellationToken)) state.Deriver.Add(point);
        state.PingCount = session.PingCount;
        return state;
    }
}

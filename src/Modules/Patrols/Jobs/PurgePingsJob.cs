using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Patrols.Store;
using HotSpots.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Patrols.Jobs;

internal sealed record PingPurge(DateTime CutoffUtc, int PingsDeleted, int Patrols, int DirectionPositionsForgotten = 0);

/// <summary>
/// Deletes the raw positions of ended patrols older than the retention setting, in chunks, and records what it
/// erased. Visits, stops, stretches and the patrols' totals stay. The positions Direct me was asked from (Tasking) follow
/// the same retention.
/// </summary>
internal sealed class PurgePingsJob(
    PatrolsDbContext db, TrackWriter writer, RuntimeSettings settings, IDirectionPositions directions, IAuditLog audit, TimeProvider clock)
{
    public const string Id = "purge-patrol-pings";
    private const int Chunk = 5000;

    public async Task<PingPurge> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var days = await settings.PingRetentionDaysAsync(cancellationToken);
        var cutoff = now.AddDays(-days);
        var deleted = 0;
        var patrols = new HashSet<long>();
        while (true)
        {
            var chunk = await db.Pings.AsNoTracking()
                .Where(p => p.TimeUtc < cutoff && db.Patrols.Any(s => s.Id == p.PatrolId && s.EndedUtc != null))
                .OrderBy(p => p.Id).Take(Chunk).Select(p => new { p.Id, p.PatrolId }).ToListAsync(cancellationToken);
            if (chunk.Count == 0) break;
            var ids = chunk.Select(c => c.Id).ToList();
            var touched = chunk.Select(c => c.PatrolId).Distinct().ToList();
            using var entered = await writer.EnterAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            deleted += await db.Pings.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
            await db.Patrols.Where(s => touched.Contains(s.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.PingsPurgedUtc, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            patrols.UnionWith(touched);
        }
        var forgotten = await directions.ForgetBeforeAsync(cutoff, cancellationToken);
        if (forgotten > 0)
            await audit.RecordAsync(new AuditEntry("system", "directions.purge", $"{forgotten} directions",
                Why: $"retention: raw positions are kept {days:0.#} days",
                Details: $"forgot where the phone was for {forgotten} Direct me requests before {cutoff:u}; the spot, time and candidates kept"), cancellationToken);
        var purge = new PingPurge(cutoff, deleted, patrols.Count, forgotten);
        if (deleted > 0)
            await audit.RecordAsync(new AuditEntry("system", "pings.purge", $"{patrols.Count} patrols",
                Why: $"retention: raw positions are kept {days:0.#} days",
                Details: $"deleted {deleted} positions recorded before {cutoff:u}; visits, stops and totals kept"), cancellationToken);
        return purge;
    }
}

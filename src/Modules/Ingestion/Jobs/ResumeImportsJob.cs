using Hangfire;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportCrimes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HotSpots.Modules.Ingestion.Jobs;

/// <summary>
/// Queues again an import whose job was lost: one running without a heartbeat (its node was killed) or interrupted (a
/// shutdown, a command-line import stopped) and left alone for the heartbeat timeout, or one queued for two minutes. Runs every 15 seconds, so that an
/// import of a dead node resumes within a minute of its last heartbeat even when Hangfire does not hand its job out again
/// (an import the watched folder or the command line ran has no job of its own). Running an import twice is harmless: the
/// job that claims it runs it (<see cref="CrimeImport.TryClaimAsync"/>), another finds it taken and stops, and keys are
/// stable.
/// </summary>
internal sealed class ResumeImportsJob(IngestionDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<ResumeImportsJob> log)
{
    public const string Id = "resume-stalled-imports";
    public const string Cron = "*/15 * * * * *";
    public static readonly TimeSpan QueuedFor = TimeSpan.FromMinutes(2);

    // No distributed lock: a lock held by a node that died would stop this job until the lock expires. Two runs at once
    // are harmless, as each marks an import before queueing it, and only if no one marked it meanwhile.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waitingBefore = now - QueuedFor;
        var aliveAfter = now - CrimeImport.HeartbeatTimeout;
        var stalled = await db.Imports
            .Where(r => (r.Status == ImportStatus.Queued && r.HeartbeatUtc < waitingBefore) ||
                        ((r.Status == ImportStatus.Running || r.Status == ImportStatus.Interrupted) && r.HeartbeatUtc < aliveAfter))
            .Select(r => new { r.Id, r.Status }).ToListAsync(cancellationToken);
        foreach (var run in stalled)
        {
            // The heartbeat marks it as handed out again, so that the next run does not queue it twice; a running one
            // whose node died is interrupted, which is what its history then says until a job takes it.
            var marked = await db.Imports
                .Where(r => r.Id == run.Id && r.Status == run.Status && r.HeartbeatUtc < (r.Status == ImportStatus.Queued ? waitingBefore : aliveAfter))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.HeartbeatUtc, now)
                    .SetProperty(r => r.Status, r => r.Status == ImportStatus.Running ? ImportStatus.Interrupted : r.Status), cancellationToken);
            if (marked == 0) continue; // taken by a job meanwhile
            jobs.Enqueue<ImportJob>(j => j.RunAsync(run.Id, CancellationToken.None));
            if (run.Status == ImportStatus.Running)
                log.LogWarning("Import {ImportId} had no heartbeat for over {Seconds} s (its node stopped): queued again, to go on from the rows it had written.",
                    run.Id, (int)CrimeImport.HeartbeatTimeout.TotalSeconds);
            else
                log.LogWarning("Import {ImportId} had waited over {Seconds} s without a job (its job was lost): queued again.", run.Id,
                    (int)(run.Status == ImportStatus.Queued ? QueuedFor : CrimeImport.HeartbeatTimeout).TotalSeconds);
        }
    }
}

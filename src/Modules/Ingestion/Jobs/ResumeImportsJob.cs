using Hangfire;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportCrimes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HotSpots.Modules.Ingestion.Jobs;

/// <summary>
/// Queues again an import whose job was lost: one acknowledged and queued but not started for a while, or one
/// running without a heartbeat (its process was killed). Hangfire would hand such a job out again only after its
/// invisibility timeout (30 minutes on SQLite). Running an import twice is harmless: a second job finds it done and
/// stops, and keys are stable.
/// </summary>
internal sealed class ResumeImportsJob(IngestionDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<ResumeImportsJob> log)
{
    public const string Id = "resume-stalled-imports";
    public static readonly TimeSpan QueuedFor = TimeSpan.FromMinutes(2);

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queuedBefore = now - QueuedFor;
        var aliveAfter = now - CrimeImport.HeartbeatTimeout;
        var stalled = await db.Imports
            .Where(r => (r.Status == ImportStatus.Queued && r.HeartbeatUtc < queuedBefore) || (r.Status == ImportStatus.Running && r.HeartbeatUtc < aliveAfter))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in stalled)
        {
            // The heartbeat marks it as handed out again, so that the next run does not queue it twice; a running one
            // whose process died is interrupted, so that the new job runs it.
            await db.Imports.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.HeartbeatUtc, now)
                .SetProperty(r => r.Status, r => r.Status == ImportStatus.Running ? ImportStatus.Interrupted : r.Status), cancellationToken);
            jobs.Enqueue<ImportJob>(j => j.RunAsync(id, CancellationToken.None));
            log.LogWarning("Import {ImportId} had stalled (its job was lost, e.g. in a restart): queued again.", id);
        }
    }
}

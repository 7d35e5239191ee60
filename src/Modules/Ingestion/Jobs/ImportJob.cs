using Hangfire;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.ImportCrimes;
using Microsoft.Extensions.Logging;

namespace HotSpots.Modules.Ingestion.Jobs;

/// <summary>
/// Runs a queued import (an upload, an API call) in the background; the page follows it through the history.
/// A file that cannot be read is reported, not retried; a job cut short by a restart or a dead node runs again and,
/// keys being stable, ends as if it had run once, its counts going on from what the cut-short run committed.
/// </summary>
internal sealed class ImportJob(CrimeImport import, ILogger<ImportJob> log)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(long importId, CancellationToken cancellationToken)
    {
        if (!await import.TryClaimAsync(importId, cancellationToken))
        {
            log.LogInformation("Import {ImportId} has already run (or is running with a heartbeat): nothing to do.", importId);
            return;
        }
        try
        {
            var report = await import.RunQueuedAsync(importId, null, cancellationToken);
            log.LogInformation("Import {ImportId}: {Imported} imported, {Updated} updated, {Unchanged} unchanged, {Quarantined} quarantined.",
                importId, report.Imported, report.Updated, report.Unchanged, report.Quarantined);
        }
        catch (ImportFileException e)
        {
            // Bad input: the history shows why; running it again would fail the same way.
            log.LogWarning("Import {ImportId} failed: {Reason}", importId, e.Message);
        }
    }
}

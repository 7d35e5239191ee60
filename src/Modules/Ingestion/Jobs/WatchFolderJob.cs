using Hangfire;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.ImportCrimes;
using Microsoft.Extensions.Logging;

namespace HotSpots.Modules.Ingestion.Jobs;

/// <summary>
/// Imports files dropped into the watched folder (setting Ingestion:WatchFolder), once they have stopped changing:
/// a file read in full moves to imported/, one that cannot be read to failed/, both with the time in the name.
/// Off while the setting is empty.
/// </summary>
internal sealed class WatchFolderJob(IngestionSettingsStore settings, CrimeImport import, TimeProvider clock, ILogger<WatchFolderJob> log)
{
    public const string Id = "import-watched-folder";
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(10);
    private static readonly string[] Extensions = [".csv", ".gz", ".zip", ".jsonl", ".ndjson"];

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var folder = (await settings.GetAsync(cancellationToken)).WatchFolder;
        if (string.IsNullOrWhiteSpace(folder)) return;
        if (!Directory.Exists(folder))
        {
            log.LogWarning("The watched folder {Folder} does not exist.", folder);
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') || !Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))) continue;
            if (now - File.GetLastWriteTimeUtc(file) < Settled) continue;
            cancellationToken.ThrowIfCancellationRequested();
            string outcome;
            try
            {
                var report = await import.RunAsync(new ImportRequest(file, CrimeFileFormat.Auto, "watched folder"), null, cancellationToken);
                outcome = report.FailedFiles > 0 && report.Rows == 0 ? "failed" : "imported";
            }
            catch (ImportFileException e)
            {
                log.LogWarning("Watched folder: {File} could not be imported: {Reason}", name, e.Message);
                outcome = "failed";
            }
            var target = Path.Combine(folder, outcome);
            Directory.CreateDirectory(target);
            File.Move(file, Path.Combine(target, $"{now:yyyyMMdd-HHmmss}-{name}"), overwrite: true);
        }
    }
}

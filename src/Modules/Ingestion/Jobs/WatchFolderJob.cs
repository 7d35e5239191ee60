using System.Collections.Concurrent;
using Hangfire;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Platform.Audit;
using Microsoft.Extensions.Logging;

namespace HotSpots.Modules.Ingestion.Jobs;

/// <summary>
/// Imports files dropped into the watched folder (setting Ingestion:WatchFolder), once they have stopped changing:
/// a file read in full moves to imported/, one that cannot be read to failed/, both with the time in the name. Off while
/// the setting is empty. Before each run the folder is checked again against the import root (<see cref="ImportRoot"/>):
/// one outside it or reached through a link is not read at all. A file that is a symbolic link is never read: the link
/// itself is set aside in failed/ and the refusal audited. Files move only into real folders inside the watched folder.
/// </summary>
internal sealed class WatchFolderJob(
    IngestionSettingsStore settings, ImportRoot root, CrimeImport import, IAuditLog audit, TimeProvider clock, ILogger<WatchFolderJob> log)
{
    public const string Id = "import-watched-folder";
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(10);
    private static readonly string[] Extensions = [".csv", ".gz", ".zip", ".jsonl", ".ndjson"];

    /// <summary>
    /// A refusal that lasts (the saved folder, or its failed/ folder, not allowed) is met every minute: it is audited once an
    /// hour per node and logged each time, so that the audit log says so without filling up.
    /// </summary>
    private static readonly TimeSpan AuditLastingRefusalEvery = TimeSpan.FromHours(1);
    private static readonly ConcurrentDictionary<string, DateTime> LastAudited = new(StringComparer.Ordinal);

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var folder = (await settings.GetAsync(cancellationToken)).WatchFolder;
        if (string.IsNullOrWhiteSpace(folder)) return;
        try
        {
            root.CheckFolder(folder);
        }
        catch (RefusedPathException e)
        {
            await RefuseLastingAsync(folder, e.Message, cancellationToken);
            return;
        }
        catch (DirectoryNotFoundException)
        {
            log.LogWarning("The watched folder {Folder} does not exist.", folder);
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList())
        {
            var name = entry.Name;
            if (name.StartsWith('.') || !Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))) continue;
            cancellationToken.ThrowIfCancellationRequested();
            if (ImportRoot.IsLink(entry))
            {
                await RefuseLinkAsync(folder, entry, now, cancellationToken);
                continue;
            }
            if (entry is not FileInfo file || now - file.LastWriteTimeUtc < Settled) continue;
            // Where the file will go is checked before it is read: a failed/ that leads out of the root stops the run.
            string imported, failed;
            try
            {
                (imported, failed) = (root.Subfolder(folder, "imported"), root.Subfolder(folder, "failed"));
            }
            catch (RefusedPathException e)
            {
                await RefuseLastingAsync(folder, e.Message, cancellationToken);
                return;
            }
            string outcome;
            try
            {
                var report = await import.RunAsync(new ImportRequest(file.FullName, CrimeFileFormat.Auto, "watched folder"), null, cancellationToken);
                outcome = report.FailedFiles > 0 && report.Rows == 0 ? failed : imported;
            }
            catch (ImportFileException e)
            {
                log.LogWarning("Watched folder: {File} could not be imported: {Reason}", name, e.Message);
                outcome = failed;
            }
            File.Move(file.FullName, Path.Combine(outcome, $"{now:yyyyMMdd-HHmmss}-{name}"), overwrite: true);
        }
    }

    /// <summary>A link in the watched folder: not followed, not read; the link itself goes to failed/ (once), and the audit log says so.</summary>
    private async Task RefuseLinkAsync(string folder, FileSystemInfo link, DateTime now, CancellationToken cancellationToken)
    {
        const string reason = "is a symbolic link: the watched folder reads only files that are in it, not links to files elsewhere. The link was not followed";
        log.LogWarning("Watched folder: {File} {Reason}.", link.Name, reason);
        string? aside = null;
        try
        {
            aside = Path.Combine(root.Subfolder(folder, "failed"), $"{now:yyyyMMdd-HHmmss}-{link.Name}");
            // Moving a link renames the link; what it points at stays where it is.
            File.Move(link.FullName, aside, overwrite: true);
        }
        catch (RefusedPathException)
        {
            aside = null;
        }
        await audit.RecordAsync(new AuditEntry("system", IngestionSettingsStore.RefusedAction, IngestionSettingsStore.Clip(link.FullName),
            Details: $"{link.Name} {reason}{(aside is null ? " and left where it is" : $" and was moved to {Path.GetRelativePath(folder, aside)}")}."), cancellationToken);
    }

    private async Task RefuseLastingAsync(string folder, string reason, CancellationToken cancellationToken)
    {
        log.LogWarning("Watched folder: nothing is read. {Reason}", reason);
        var now = clock.GetUtcNow().UtcDateTime;
        var key = folder + "\n" + reason;
        if (LastAudited.TryGetValue(key, out var last) && now - last < AuditLastingRefusalEvery) return;
        LastAudited[key] = now;
        await audit.RecordAsync(new AuditEntry("system", IngestionSettingsStore.RefusedAction, IngestionSettingsStore.Clip(folder),
            Details: $"Nothing was read: {reason}"), cancellationToken);
    }
}

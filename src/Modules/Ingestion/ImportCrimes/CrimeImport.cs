using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using System.Text.Json;
using HotSpots.Modules.Ingestion.Area;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportUnitPositions;
using HotSpots.Modules.Ingestion.Profiles;
using HotSpots.Modules.Ingestion.QueryCrimes;
using HotSpots.Modules.Ingestion.Storage;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Geography;
using HotSpots.Platform.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>
/// Runs an import: records it in the import history, reads the files on one thread and writes batches on this one,
/// quarantines bad rows with file, line, field and reason, keeps going past a file that cannot be read, and leaves
/// a report. Keys are stable and each batch is one transaction, so a killed import run again ends the same.
/// </summary>
internal sealed class CrimeImport(
    IngestionDbContext db, UnitPositionWriter unitWriter, ProfileStore profiles, ForceBoundary boundary, ISettingsStore settings,
    ForceOptions force, IMetricProjection projection, IAuditLog audit, CrimeTableCache heldCrimes, IServiceScopeFactory scopes, ILogger<ImportHeartbeat> heartbeatLog,
    TimeProvider clock, ImportLimits limits)
{
    /// <summary>A running import writes a heartbeat this often (besides one with every batch).</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A running import with no heartbeat for this long was interrupted (its process died): six heartbeats missed, a margin
    /// for a node that is busy but alive, while the import still resumes within a minute (ResumeImportsJob every 15 s).
    /// </summary>
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(30);

    public async Task<long> CreateAsync(ImportRequest request, string status, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new ImportRun
        {
            Path = request.Path, DisplayName = request.DisplayName ?? Path.GetFileName(request.Path.TrimEnd('/', '\\')), Format = request.Format.ToString(),
            Profile = request.Profile, RequestedBy = request.RequestedBy, CreatedUtc = now, StartedUtc = now, HeartbeatUtc = now, Status = status,
        };
        db.Imports.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return run.Id;
    }

    public async Task<ImportReport> RunAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        await RunAsync(await CreateAsync(request, ImportStatus.Running, cancellationToken), request, progress, cancellationToken);

    /// <summary>
    /// Takes a queued import for this run, if it still has to run: queued, interrupted, or running without a heartbeat (its
    /// process died). One statement, so that of two jobs for the same import (a job handed out again after its node died,
    /// and the one <see cref="Jobs.ResumeImportsJob"/> queued) only one runs it.
    /// </summary>
    public async Task<bool> TryClaimAsync(long importId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var deadBefore = now - HeartbeatTimeout;
        var claimed = await db.Imports
            .Where(r => r.Id == importId && (r.Status == ImportStatus.Queued || r.Status == ImportStatus.Interrupted ||
                                             (r.Status == ImportStatus.Running && r.HeartbeatUtc < deadBefore)))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportStatus.Running).SetProperty(r => r.HeartbeatUtc, now), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Runs (or, after a crash, runs again) an import already in the history, such as a queued upload.</summary>
    public async Task<ImportReport> RunQueuedAsync(long importId, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var run = await db.Imports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == importId, cancellationToken)
            ?? throw new ImportFileException($"Import {importId} does not exist.");
        var request = new ImportRequest(run.Path, Enum.Parse<CrimeFileFormat>(run.Format), run.RequestedBy, run.Profile, run.DisplayName);
        return await RunAsync(importId, request, progress, cancellationToken);
    }

    private async Task<ImportReport> RunAsync(long importId, ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        // An import run again after its process died goes on from what that run committed (ImportTally).
        var done = await db.Imports.AsNoTracking().Where(r => r.Id == importId)
            .Select(r => new { r.RowsDone, r.BytesDone, r.Quarantined, r.Imported, r.Updated, r.Unchanged, r.Unmappable, r.OutOfArea })
            .SingleAsync(cancellationToken);
        var tally = new ImportTally(done.RowsDone, done.BytesDone, done.Quarantined, new BatchOutcome
        {
            Imported = done.Imported, Updated = done.Updated, Unchanged = done.Unchanged, Unmappable = done.Unmappable, OutOfArea = done.OutOfArea,
        });
        ImportPipeline? pipeline = null;
        long rowsDone = done.RowsDone, errors = done.Quarantined;
        await using var heartbeat = ImportHeartbeat.Start(scopes, importId, clock, heartbeatLog);
        try
        {
            var notes = new List<string>();
            var entries = ImportFiles.Resolve(request.Path, notes, request.DisplayName);
            var bytesTotal = entries.Sum(e => e.Bytes);
            await UpdateRunAsync(importId, r =>
            {
                (r.Status, r.BytesTotal, r.Error) = (ImportStatus.Running, bytesTotal, null);
                if (tally.ResumedRows == 0) r.StartedUtc = clock.GetUtcNow().UtcDateTime;
            }, cancellationToken);
            var area = await AreaAsync(cancellationToken);
            var positions = new Positions(projection, area);
            pipeline = new ImportPipeline(request, importId, entries, await profiles.ListAsync(cancellationToken), force, projection, positions, clock.GetUtcNow().UtcDateTime, limits);
            pipeline.Notes.AddRange(notes);
            // Stopping the reader when writing fails, so that it never waits on a channel nobody reads.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await using (var store = CrimeStore.For(db))
            try
            {
                await foreach (var batch in pipeline.Start(stop.Token).ReadAllAsync(cancellationToken))
                {
                    if (batch.Units.Count > 0)
                    {
                        var (imported, unchanged) = await unitWriter.WriteAsync(batch.Units, importId, cancellationToken);
                        if (tally.Counts(batch))
                        {
                            tally.Counted.Imported += imported;
                            tally.Counted.Unchanged += unchanged;
                        }
                    }
                    tally.Commit(batch, await store.WriteAsync(batch, importId, clock.GetUtcNow().UtcDateTime, tally, cancellationToken));
                    (rowsDone, errors) = (tally.Rows(batch), tally.Errors(batch));
                    progress?.Report(new ImportProgress(batch.File, rowsDone, errors, rowsDone / Math.Max(watch.Elapsed.TotalSeconds, 1e-3), tally.Bytes(batch), bytesTotal));
                }
            }
            catch (ChannelClosedException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
            }
            finally
            {
                await stop.CancelAsync();
            }
            var totals = tally.Counted;
            var status = pipeline.FailedFiles > 0 && pipeline.FailedFiles == entries.Count ? ImportStatus.Failed : ImportStatus.Completed;
            await FinishAsync(importId, status, null, totals, errors, pipeline, rowsDone);
            await AuditPeopleAsync(importId, request, cancellationToken);
            // The next refresh or dashboard page finds the new crimes in memory instead of reading them all.
            if (totals.Imported + totals.Updated > 0) heldCrimes.LoadInBackground();
            return new ImportReport(importId, totals.Imported, totals.Updated, totals.Unchanged, errors, totals.Unmappable, totals.OutOfArea,
                watch.Elapsed.TotalSeconds, pipeline.Problems, pipeline.Notes, pipeline.FailedFiles);
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(importId, ImportStatus.Interrupted, InterruptedMessage, tally.Counted, errors, pipeline, rowsDone);
            throw;
        }
        catch (Exception e) when (e is ImportFileException or InvalidOperationException or IOException or DbUpdateException or System.Data.Common.DbException)
        {
            await FinishAsync(importId, ImportStatus.Failed, e.Message, tally.Counted, errors, pipeline, rowsDone);
            throw;
        }
    }

    /// <summary>Why an import stopped by a shutdown is not over (it resumes, ResumeImportsJob).</summary>
    public const string InterruptedMessage =
        "The import was stopped before it ended (its node shut down). It resumes by itself on a node that runs jobs; the rows already imported are kept and not counted twice.";

    /// <summary>Collection of records about people (DPA 2018 s.62): who imported how many people links, from what.</summary>
    private async Task AuditPeopleAsync(long importId, ImportRequest request, CancellationToken cancellationToken)
    {
        if (request.Format is CrimeFileFormat.PoliceUkStreet or CrimeFileFormat.PoliceLocationFeed) return;
        var links = db.PersonLinks.Where(l => db.Crimes.Any(c => c.Id == l.CrimeId && c.ImportId == importId));
        var count = await links.LongCountAsync(cancellationToken);
        if (count == 0) return;
        var people = await links.Select(l => l.PersonId).Distinct().LongCountAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(request.RequestedBy, "people-links.collect", $"import {importId} ({request.DisplayName ?? Path.GetFileName(request.Path)})",
            "crime records import", $"{count} links to {people} pseudonymised people"), cancellationToken);
    }

    private async Task<NetTopologySuite.Geometries.Prepared.IPreparedGeometry?> AreaAsync(CancellationToken cancellationToken)
    {
        try { return await boundary.AreaAsync(settings, cancellationToken); }
        catch (InvalidOperationException e) { throw new ImportFileException($"The force boundary cannot be used: {e.Message}"); }
    }

    private async Task UpdateRunAsync(long importId, Action<ImportRun> change, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var run = await db.Imports.SingleAsync(r => r.Id == importId, cancellationToken);
        change(run);
        run.HeartbeatUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private Task FinishAsync(long importId, string status, string? error, BatchOutcome totals, long quarantined, ImportPipeline? pipeline, long rowsDone)
    {
        Telemetry.ImportsFinished.Add(1, new KeyValuePair<string, object?>("outcome", status));
        Telemetry.ImportedRows.Add(totals.Imported + totals.Updated);
        return UpdateRunAsync(importId, r =>
        {
            r.Status = status;
            r.Error = error;
            r.FinishedUtc = status == ImportStatus.Interrupted ? null : clock.GetUtcNow().UtcDateTime;
            r.RowsDone = rowsDone;
            r.BytesDone = status == ImportStatus.Completed ? r.BytesTotal : r.BytesDone;
            r.Imported = totals.Imported;
            r.Updated = totals.Updated;
            r.Unchanged = totals.Unchanged;
            r.Quarantined = quarantined;
            r.Unmappable = totals.Unmappable;
            r.OutOfArea = totals.OutOfArea;
            r.FailedFiles = pipeline?.FailedFiles ?? 0;
            r.ReportJson = pipeline is null ? null : JsonSerializer.Serialize(new StoredReport(pipeline.Notes, pipeline.Problems.Where(p => p.Field == "(file)").ToList()));
        }, CancellationToken.None);
    }
}

/// <summary>What an import's report keeps beyond its counts: notes and the files that could not be read.</summary>
internal sealed record StoredReport(IReadOnlyList<string> Notes, IReadOnlyList<ImportProblem> FileProblems);

internal static class ImportStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Interrupted = "interrupted";
}

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

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>
/// Runs an import: records it in the import history, reads the files on one thread and writes batches on this one,
/// quarantines bad rows with file, line, field and reason, keeps going past a file that cannot be read, and leaves
/// a report. Keys are stable and each batch is one transaction, so a killed import run again ends the same.
/// </summary>
internal sealed class CrimeImport(
    IngestionDbContext db, UnitPositionWriter unitWriter, ProfileStore profiles, ForceBoundary boundary, ISettingsStore settings,
    ForceOptions force, IMetricProjection projection, IAuditLog audit, CrimeTableCache heldCrimes, TimeProvider clock)
{
    /// <summary>A running import with no heartbeat for this long was interrupted (its process died).</summary>
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromMinutes(5);

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

    /// <summary>Whether a queued import still has to run: queued, interrupted, or running without a heartbeat (its process died).</summary>
    public async Task<bool> IsWaitingAsync(long importId, CancellationToken cancellationToken)
    {
        var run = await db.Imports.AsNoTracking().Where(r => r.Id == importId).Select(r => new { r.Status, r.HeartbeatUtc }).SingleOrDefaultAsync(cancellationToken);
        if (run is null) return false;
        var alive = run.HeartbeatUtc >= clock.GetUtcNow().UtcDateTime - HeartbeatTimeout;
        return run.Status is ImportStatus.Queued or ImportStatus.Interrupted || (run.Status == ImportStatus.Running && !alive);
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
        await MarkInterruptedAsync(importId, cancellationToken);
        var watch = Stopwatch.StartNew();
        var totals = new BatchOutcome();
        ImportPipeline? pipeline = null;
        long rowsDone = 0, errors = 0;
        try
        {
            var notes = new List<string>();
            var entries = ImportFiles.Resolve(request.Path, notes);
            var bytesTotal = entries.Sum(e => e.Bytes);
            await UpdateRunAsync(importId, r =>
            {
                (r.Status, r.StartedUtc, r.BytesTotal, r.RowsDone, r.BytesDone, r.Quarantined, r.Error) = (ImportStatus.Running, clock.GetUtcNow().UtcDateTime, bytesTotal, 0, 0, 0, null);
            }, cancellationToken);
            var area = await AreaAsync(cancellationToken);
            var positions = new Positions(projection, area);
            pipeline = new ImportPipeline(request, importId, entries, await profiles.ListAsync(cancellationToken), force, projection, positions, clock.GetUtcNow().UtcDateTime);
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
                        totals.Imported += imported;
                        totals.Unchanged += unchanged;
                    }
                    totals.Add(await store.WriteAsync(batch, importId, clock.GetUtcNow().UtcDateTime, cancellationToken));
                    (rowsDone, errors) = (batch.RowsDone, batch.Errors);
                    progress?.Report(new ImportProgress(batch.File, rowsDone, errors, rowsDone / Math.Max(watch.Elapsed.TotalSeconds, 1e-3), batch.BytesDone, bytesTotal));
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
            await FinishAsync(importId, ImportStatus.Interrupted, "The import was stopped before it ended; run it again to finish it (nothing is doubled).", totals, errors, pipeline, rowsDone);
            throw;
        }
        catch (Exception e) when (e is ImportFileException or InvalidOperationException or IOException or DbUpdateException or System.Data.Common.DbException)
        {
            await FinishAsync(importId, ImportStatus.Failed, e.Message, totals, errors, pipeline, rowsDone);
            throw;
        }
    }

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

    /// <summary>Imports left "running" by a process that died show as interrupted.</summary>
    private async Task MarkInterruptedAsync(long currentId, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - HeartbeatTimeout;
        await db.Imports.Where(r => r.Id != currentId && r.Status == ImportStatus.Running && r.HeartbeatUtc < before)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportStatus.Interrupted), cancellationToken);
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
            r.FinishedUtc = clock.GetUtcNow().UtcDateTime;
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

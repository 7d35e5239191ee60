using System.Diagnostics;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportUnitPositions;
using HotSpots.Platform;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>
/// Streams each file row by row, writes valid rows in large transactions and quarantines the others with
/// file, line, field and reason. A batch is committed whole or not at all, and keys are stable, so an import
/// killed halfway and run again ends with the same database as one uninterrupted run.
/// </summary>
internal sealed class CrimeImport(
    IngestionDbContext db, CrimeWriter writer, UnitPositionWriter unitWriter, ForceOptions force, IMetricProjection projection, TimeProvider clock)
{
    private const int BatchSize = 5000;
    private const int MaxProblemsInReport = 1000;

    public async Task<ImportReport> RunAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var run = new ImportRun
        {
            Path = request.Path, Format = request.Format.ToString(), RequestedBy = request.RequestedBy,
            StartedUtc = clock.GetUtcNow().UtcDateTime, Status = "running",
        };
        db.Imports.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        var totals = new BatchOutcome();
        var problems = new List<ImportProblem>();
        long quarantined = 0;
        var watch = Stopwatch.StartNew();
        try
        {
            foreach (var file in ImportFiles.Resolve(request.Path))
            {
                var format = request.Format == CrimeFileFormat.Auto ? ImportFiles.Detect(file) : request.Format;
                var name = Path.GetFileName(file);
                if (format == CrimeFileFormat.PoliceLocationFeed)
                {
                    quarantined += await ImportFeedAsync(file, name, run.Id, totals, problems, progress, watch, cancellationToken);
                    continue;
                }
                var batch = new List<CrimeRecord>(BatchSize);
                var quarantine = new List<QuarantinedRow>();
                long rows = 0;
                await using var stream = ImportFiles.Open(file);
                foreach (var row in Rows(format, stream, name))
                {
                    rows++;
                    if (row.Record is { } record) batch.Add(record);
                    else
                    {
                        quarantined++;
                        quarantine.Add(new QuarantinedRow
                        {
                            ImportId = run.Id, File = name, Line = row.Line, Field = row.Field!, Reason = row.Reason!, RawText = row.RawText,
                        });
                        if (problems.Count < MaxProblemsInReport) problems.Add(new ImportProblem(name, row.Line, row.Field!, row.Reason!));
                    }
                    if (batch.Count >= BatchSize)
                    {
                        await FlushAsync(batch, quarantine, run.Id, totals, cancellationToken);
                        progress?.Report(new ImportProgress(name, rows, quarantined, rows / Math.Max(watch.Elapsed.TotalSeconds, 1e-3)));
                    }
                }
                await FlushAsync(batch, quarantine, run.Id, totals, cancellationToken);
                progress?.Report(new ImportProgress(name, rows, quarantined, rows / Math.Max(watch.Elapsed.TotalSeconds, 1e-3)));
            }
            await FinishAsync(run, "completed", null, totals, quarantined);
        }
        catch (ImportFileException e)
        {
            await FinishAsync(run, "failed", e.Message, totals, quarantined);
            throw;
        }
        return new ImportReport(run.Id, totals.Imported, totals.Updated, totals.Unchanged, quarantined, totals.Unmappable, 0,
            watch.Elapsed.TotalSeconds, problems);
    }

    /// <summary>A police location feed: positions of units, keyed by unit and time. Returns the rows quarantined.</summary>
    private async Task<long> ImportFeedAsync(string file, string name, long importId, BatchOutcome totals, List<ImportProblem> problems,
        IProgress<ImportProgress>? progress, Stopwatch watch, CancellationToken cancellationToken)
    {
        var batch = new List<UnitPositionRecord>(BatchSize);
        var quarantine = new List<QuarantinedRow>();
        long rows = 0, bad = 0;
        await using var stream = ImportFiles.Open(file);
        foreach (var row in new UnitFeedReader(force).Read(stream, name))
        {
            rows++;
            if (row.Record is { } record) batch.Add(record);
            else
            {
                bad++;
                quarantine.Add(new QuarantinedRow { ImportId = importId, File = name, Line = row.Line, Field = row.Field!, Reason = row.Reason!, RawText = row.RawText });
                if (problems.Count < MaxProblemsInReport) problems.Add(new ImportProblem(name, row.Line, row.Field!, row.Reason!));
            }
            if (batch.Count >= BatchSize || quarantine.Count >= BatchSize)
                await FlushFeedAsync(batch, quarantine, importId, totals, cancellationToken);
        }
        await FlushFeedAsync(batch, quarantine, importId, totals, cancellationToken);
        progress?.Report(new ImportProgress(name, rows, bad, rows / Math.Max(watch.Elapsed.TotalSeconds, 1e-3)));
        return bad;
    }

    private async Task FlushFeedAsync(List<UnitPositionRecord> batch, List<QuarantinedRow> quarantine, long importId, BatchOutcome totals, CancellationToken cancellationToken)
    {
        if (batch.Count > 0)
        {
            var (imported, unchanged) = await unitWriter.WriteAsync(batch, importId, cancellationToken);
            totals.Imported += imported;
            totals.Unchanged += unchanged;
            batch.Clear();
        }
        await FlushAsync([], quarantine, importId, totals, cancellationToken);
    }

    private IEnumerable<RowResult> Rows(CrimeFileFormat format, Stream stream, string file) => format switch
    {
        CrimeFileFormat.PoliceUkStreet => new PoliceUkStreetReader(force).Read(stream, file),
        CrimeFileFormat.ForceRecordsCsv => new ForceRecordsCsvReader(force, projection).Read(stream, file),
        _ => throw new ImportFileException($"{file}: format {format} cannot be imported here."),
    };

    private async Task FlushAsync(List<CrimeRecord> batch, List<QuarantinedRow> quarantine, long importId, BatchOutcome totals, CancellationToken cancellationToken)
    {
        if (batch.Count > 0)
        {
            var outcome = await writer.WriteAsync(batch, importId, cancellationToken);
            totals.Imported += outcome.Imported;
            totals.Updated += outcome.Updated;
            totals.Unchanged += outcome.Unchanged;
            totals.Unmappable += outcome.Unmappable;
            batch.Clear();
        }
        if (quarantine.Count > 0)
        {
            db.Quarantine.AddRange(quarantine);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            quarantine.Clear();
        }
    }

    private async Task FinishAsync(ImportRun run, string status, string? error, BatchOutcome totals, long quarantined)
    {
        db.ChangeTracker.Clear();
        db.Imports.Attach(run);
        run.Status = status;
        run.Error = error;
        run.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        run.Imported = totals.Imported;
        run.Updated = totals.Updated;
        run.Unchanged = totals.Unchanged;
        run.Quarantined = quarantined;
        run.Unmappable = totals.Unmappable;
        await db.SaveChangesAsync(CancellationToken.None);
    }
}

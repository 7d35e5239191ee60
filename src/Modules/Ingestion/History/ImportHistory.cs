using System.Text.Json;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportCrimes;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Ingestion.History;

/// <summary>The import history, newest first, with each import's report and live progress.</summary>
internal sealed class ImportHistory(IngestionDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ImportSummary>> ListAsync(int take, CancellationToken cancellationToken)
    {
        var runs = await db.Imports.AsNoTracking().OrderByDescending(r => r.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
        var ids = runs.Select(r => r.Id).ToList();
        var resubmitted = await db.Quarantine.AsNoTracking().Where(q => ids.Contains(q.ImportId) && q.Status == QuarantineStatus.Resubmitted)
            .GroupBy(q => q.ImportId).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return runs.Select(r => Summary(r, resubmitted.GetValueOrDefault(r.Id))).ToList();
    }

    public async Task<ImportSummary?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var run = await db.Imports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null) return null;
        var resubmitted = await db.Quarantine.LongCountAsync(q => q.ImportId == id && q.Status == QuarantineStatus.Resubmitted, cancellationToken);
        return Summary(run, resubmitted);
    }

    private ImportSummary Summary(ImportRun r, long resubmitted)
    {
        var report = r.ReportJson is null ? null : JsonSerializer.Deserialize<StoredReport>(r.ReportJson);
        // A running import whose process died has no heartbeat: show it as interrupted rather than running forever.
        var status = r.Status == ImportStatus.Running && r.HeartbeatUtc < clock.GetUtcNow().UtcDateTime - CrimeImport.HeartbeatTimeout
            ? ImportStatus.Interrupted : r.Status;
        return new ImportSummary(r.Id, r.DisplayName ?? Path.GetFileName(r.Path), r.Format, r.Profile, r.RequestedBy, r.CreatedUtc, r.StartedUtc, r.FinishedUtc,
            r.HeartbeatUtc, status, r.CurrentFile, r.RowsDone, r.BytesDone, r.BytesTotal, r.Imported, r.Updated, r.Unchanged, r.Quarantined, r.Unmappable,
            r.OutOfArea, r.FailedFiles, r.Error, report?.Notes ?? [], report?.FileProblems ?? [], resubmitted);
    }
}

using System.Text;
using HotSpots.Modules.Ingestion.Area;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Modules.Ingestion.ImportUnitPositions;
using HotSpots.Modules.Ingestion.Profiles;
using HotSpots.Modules.Ingestion.Reading;
using HotSpots.Modules.Ingestion.Storage;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Geography;
using HotSpots.Platform.Settings;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Ingestion.Quarantine;

/// <summary>
/// The quarantine an analyst works through: each bad row with its file, line, field and reason; fixed and re-submitted
/// (read again with its file's format and header, then imported), or dismissed. Every decision is audited.
/// </summary>
internal sealed class QuarantineService(
    IngestionDbContext db, UnitPositionWriter unitWriter, ProfileStore profiles, ForceBoundary boundary, ISettingsStore settings,
    ForceOptions force, IMetricProjection projection, IAuditLog audit, TimeProvider clock)
{
    public async Task<QuarantinePage> ListAsync(QuarantineQuery query, CancellationToken cancellationToken)
    {
        var rows = db.Quarantine.AsNoTracking();
        if (query.ImportId is { } importId) rows = rows.Where(q => q.ImportId == importId);
        if (query.Status is { Length: > 0 } status) rows = rows.Where(q => q.Status == status);
        var total = await rows.LongCountAsync(cancellationToken);
        var page = await rows.OrderBy(q => q.ImportId).ThenBy(q => q.File).ThenBy(q => q.Line)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(cancellationToken);
        return new QuarantinePage(page.Select(View).ToList(), total);
    }

    public async Task<QuarantinedRowView?> GetAsync(long id, CancellationToken cancellationToken) =>
        await db.Quarantine.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken) is { } row ? View(row) : null;

    public async Task<ResubmitResult> ResubmitAsync(long id, string fixedText, string by, CancellationToken cancellationToken)
    {
        var row = await db.Quarantine.SingleOrDefaultAsync(q => q.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"Quarantined row {id} does not exist.");
        if (row.Status != QuarantineStatus.Open) throw new InvalidOperationException($"Quarantined row {id} is already {row.Status}.");
        var line = fixedText.ReplaceLineEndings(" ").Trim();
        if (line.Length == 0) return new ResubmitResult(false, "(row)", "is empty");

        var format = Enum.Parse<CrimeFileFormat>(row.Format);
        var input = new MemoryStream(Encoding.UTF8.GetBytes(row.Header is null ? line : $"{row.Header}\n{line}"));
        string? field, reason;
        if (format == CrimeFileFormat.PoliceLocationFeed)
        {
            var parsed = new UnitFeedReader(force.LocalToUtc, row.File).Read(input).Single();
            (field, reason) = (parsed.Field, parsed.Reason);
            if (parsed.Record is { } position) await unitWriter.WriteAsync([position], row.ImportId, cancellationToken);
        }
        else
        {
            var parsed = (await ReaderAsync(format, row, cancellationToken)).Read(input).Single();
            (field, reason) = (parsed.Field, parsed.Reason);
            if (parsed.Record is { } record)
            {
                new Positions(projection, await boundary.AreaAsync(settings, cancellationToken)).Apply(record);
                var batch = new ImportBatch { File = row.File, TrackProgress = false };
                batch.Records.Add(record);
                await using var store = CrimeStore.For(db);
                await store.WriteAsync(batch, row.ImportId, clock.GetUtcNow().UtcDateTime, null, cancellationToken);
            }
        }
        if (reason is not null) return new ResubmitResult(false, field, reason);

        db.ChangeTracker.Clear();
        db.Quarantine.Attach(row);
        (row.Status, row.FixedText, row.ResolvedBy, row.ResolvedUtc) = (QuarantineStatus.Resubmitted, line, by, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(by, "quarantine.resubmit", $"quarantined row {id}", Details: $"{row.File} line {row.Line}: {line}"), cancellationToken);
        return new ResubmitResult(true);
    }

    public async Task DismissAsync(long id, string by, string? why, CancellationToken cancellationToken)
    {
        var row = await db.Quarantine.SingleOrDefaultAsync(q => q.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"Quarantined row {id} does not exist.");
        if (row.Status != QuarantineStatus.Open) throw new InvalidOperationException($"Quarantined row {id} is already {row.Status}.");
        (row.Status, row.ResolvedBy, row.ResolvedUtc) = (QuarantineStatus.Dismissed, by, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(by, "quarantine.dismiss", $"quarantined row {id}", why, $"{row.File} line {row.Line}"), cancellationToken);
    }

    private async Task<ICrimeRowReader> ReaderAsync(CrimeFileFormat format, QuarantinedRow row, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case CrimeFileFormat.PoliceUkStreet:
                return new PoliceUkStreetReader(force, row.File) { KeyLine = row.Line };
            case CrimeFileFormat.ForceRecordsJsonLines:
                return new ForceJsonLinesReader(ProfileRules.ForceRecords(force), projection, row.File);
            case CrimeFileFormat.Profile:
                var profile = await profiles.GetAsync(row.Profile ?? "", cancellationToken)
                    ?? throw new InvalidOperationException($"The mapping profile '{row.Profile}' this row was read with no longer exists.");
                return new MappedCsvReader(ProfileRules.From(profile, force), projection, row.File);
            default:
                return new MappedCsvReader(ProfileRules.ForceRecords(force), projection, row.File);
        }
    }

    private static QuarantinedRowView View(QuarantinedRow q) => new(
        q.Id, q.ImportId, q.File, q.Line, q.Field, q.Reason, q.RawText, q.Format, q.Profile, q.Header, q.Status, q.CreatedUtc, q.FixedText, q.ResolvedBy, q.ResolvedUtc);
}

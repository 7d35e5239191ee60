using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace HotSpots.Modules.Ingestion.Jobs;

/// <summary>
/// Erases what is past its retention period (settings Ingestion.PeopleLinkDays and Ingestion.ImportHistoryDays,
/// defaults from Ingestion:PeopleLinkRetentionDays and Ingestion:ImportHistoryRetentionDays): people links of old
/// crimes, finished imports' history, and quarantined rows; and the police location feed's unit positions after
/// Ingestion.UnitPositionDays (Ingestion:UnitPositionRetentionDays, 31; the baseline presence derived from them stays).
/// Each purge that erases anything is written to the audit log.
/// </summary>
internal sealed class RetentionJob(IngestionDbContext db, ISettingsStore settings, IAuditLog audit, IConfiguration configuration, TimeProvider clock)
{
    public const string Id = "purge-ingestion-retention";
    private const string PeopleKey = "Ingestion.PeopleLinkDays";
    private const string ImportsKey = "Ingestion.ImportHistoryDays";
    private const string UnitPositionsKey = "Ingestion.UnitPositionDays";

    public async Task<IngestionRetention> GetAsync(CancellationToken cancellationToken) => new(
        await settings.GetAsync(PeopleKey, configuration.GetValue("Ingestion:PeopleLinkRetentionDays", 730), cancellationToken),
        await settings.GetAsync(ImportsKey, configuration.GetValue("Ingestion:ImportHistoryRetentionDays", 365), cancellationToken),
        await settings.GetAsync(UnitPositionsKey, configuration.GetValue("Ingestion:UnitPositionRetentionDays", 31), cancellationToken));

    public async Task SetAsync(IngestionRetention retention, string changedBy, CancellationToken cancellationToken)
    {
        if (retention.PeopleLinkDays < 1 || retention.ImportHistoryDays < 1 || retention.UnitPositionDays < 1)
            throw new ValidationException("Retention periods are at least one day.");
        var current = await GetAsync(cancellationToken);
        if (current.PeopleLinkDays != retention.PeopleLinkDays) await settings.SetAsync(PeopleKey, retention.PeopleLinkDays, changedBy, cancellationToken);
        if (current.ImportHistoryDays != retention.ImportHistoryDays) await settings.SetAsync(ImportsKey, retention.ImportHistoryDays, changedBy, cancellationToken);
        if (current.UnitPositionDays != retention.UnitPositionDays) await settings.SetAsync(UnitPositionsKey, retention.UnitPositionDays, changedBy, cancellationToken);
    }

    [Hangfire.DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<RetentionPurge> RunAsync(CancellationToken cancellationToken)
    {
        var retention = await GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var peopleBefore = now.AddDays(-retention.PeopleLinkDays);
        var importsBefore = now.AddDays(-retention.ImportHistoryDays);

        var links = await db.PersonLinks
            .Where(l => db.Crimes.Any(c => c.Id == l.CrimeId && c.OccurredFromUtc < peopleBefore))
            .ExecuteDeleteAsync(cancellationToken);
        var quarantined = await db.Quarantine.Where(q => q.CreatedUtc < importsBefore).ExecuteDeleteAsync(cancellationToken);
        var imports = await db.Imports
            .Where(r => r.FinishedUtc != null && r.FinishedUtc < importsBefore && r.Status != ImportStatus.Running && r.Status != ImportStatus.Queued)
            .ExecuteDeleteAsync(cancellationToken);

        var unitsBefore = now.AddDays(-retention.UnitPositionDays);
        var units = await db.UnitPositions.Where(u => u.TimeUtc < unitsBefore).ExecuteDeleteAsync(cancellationToken);

        var purge = new RetentionPurge(links, imports, quarantined, peopleBefore, importsBefore, units);
        if (units > 0)
            await audit.RecordAsync(new AuditEntry("system", "unit-positions.purge", $"{units} unit positions",
                $"retention: the location feed's positions are kept {retention.UnitPositionDays} days", $"before {unitsBefore:O}; baseline presence kept"), cancellationToken);
        if (links > 0)
            await audit.RecordAsync(new AuditEntry("system", "people-links.purge", $"{links} people links",
                $"retention: crimes that occurred over {retention.PeopleLinkDays} days ago", $"crimes before {peopleBefore:O}"), cancellationToken);
        if (imports + quarantined > 0)
            await audit.RecordAsync(new AuditEntry("system", "imports.purge", $"{imports} imports, {quarantined} quarantined rows",
                $"retention: over {retention.ImportHistoryDays} days old", $"before {importsBefore:O}"), cancellationToken);
        return purge;
    }
}

using HotSpots.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Platform.Audit;

internal sealed class AuditLog(PlatformDbContext db, TimeProvider clock) : IAuditLog
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        db.Audit.Add(new AuditRecord
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = Clip(entry.Actor, 256), Action = Clip(entry.Action, 64), Subject = Clip(entry.Subject, 256),
            Why = entry.Why is null ? null : Clip(entry.Why, 2000), Details = entry.Details,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<AuditRecordView>> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var records = db.Audit.AsNoTracking();
        if (query.Actor is { Length: > 0 } actor) records = records.Where(a => a.Actor.Contains(actor));
        if (query.Action is { Length: > 0 } action) records = records.Where(a => a.Action.StartsWith(action));
        if (query.Subject is { Length: > 0 } subject) records = records.Where(a => a.Subject.Contains(subject));
        if (query.FromUtc is { } from) records = records.Where(a => a.AtUtc >= from);
        if (query.ToUtc is { } to) records = records.Where(a => a.AtUtc < to);
        return await records.OrderByDescending(a => a.Id).Take(Math.Clamp(query.Take, 1, AuditQuery.MostEntries))
            .Select(a => new AuditRecordView(a.Id, a.AtUtc, a.Actor, a.Action, a.Subject, a.Why, a.Details))
            .ToListAsync(cancellationToken);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}

using System.Text.Json;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Data;
using HotSpots.Platform.Revisions;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Platform.Settings;

internal sealed class SettingsStore(PlatformDbContext db, IAuditLog audit, TimeProvider clock) : ISettingsStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<T> GetAsync<T>(string key, T fallback, CancellationToken cancellationToken)
    {
        var record = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        return record is null ? fallback : JsonSerializer.Deserialize<T>(record.Json, Json) ?? fallback;
    }

    public async Task SetAsync<T>(string key, T value, string changedBy, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(value, Json);
        var record = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        var before = record?.Json;
        if (record is null) db.Settings.Add(record = new SettingRecord { Key = key, Json = json, ChangedBy = changedBy });
        record.Json = json;
        record.ChangedBy = changedBy;
        record.ChangedUtc = clock.GetUtcNow().UtcDateTime;
        // Copies in memory that depend on this setting see the change at their next use, on every node.
        await db.SaveChangesAndRaiseAsync(Revision.OfSetting(key), cancellationToken);
        await audit.RecordAsync(new AuditEntry(changedBy, "setting.change", $"setting {key}", Details: $"from {before ?? "(default)"} to {json}"), cancellationToken);
    }
}

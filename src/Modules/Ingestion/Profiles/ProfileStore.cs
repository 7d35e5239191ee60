using System.Text.Json;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Ingestion.Profiles;

/// <summary>Saved mapping profiles: the shipped ones (data/profiles) and those analysts make; every change audited.</summary>
internal sealed class ProfileStore(IngestionDbContext db, ForceOptions force, IAuditLog audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IReadOnlyList<MappingProfile>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureShippedAsync(cancellationToken);
        var rows = await db.Profiles.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return rows.Select(ToProfile).ToList();
    }

    public async Task<MappingProfile?> GetAsync(string name, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public async Task<MappingProfile> SaveAsync(MappingProfile profile, string changedBy, CancellationToken cancellationToken)
    {
        profile = Clean(profile);
        ProfileRules.From(profile, force);
        if (profile.Name.Length > 64 || !profile.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ProfileException("A profile name is 1 to 64 letters, digits, '-' or '_'.");
        await EnsureShippedAsync(cancellationToken);
        var row = await db.Profiles.SingleOrDefaultAsync(p => p.Name == profile.Name, cancellationToken);
        var json = JsonSerializer.Serialize(Definition(profile), Json);
        var before = row?.Json;
        if (row is null) db.Profiles.Add(row = new ProfileRow { Name = profile.Name, Json = json, ChangedBy = changedBy });
        row.Json = json;
        row.ChangedBy = changedBy;
        row.ChangedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(changedBy, "profile.save", $"mapping profile {profile.Name}", Details: before is null ? json : $"from {before} to {json}"), cancellationToken);
        return ToProfile(row);
    }

    public async Task<bool> DeleteAsync(string name, string deletedBy, CancellationToken cancellationToken)
    {
        var row = await db.Profiles.SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
        if (row is null) return false;
        if (row.BuiltIn) throw new ProfileException($"Profile {name} ships with HotSpots and cannot be deleted (it can be changed).");
        db.Profiles.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(deletedBy, "profile.delete", $"mapping profile {name}", Details: row.Json), cancellationToken);
        return true;
    }

    private async Task EnsureShippedAsync(CancellationToken cancellationToken)
    {
        var names = await db.Profiles.Select(p => p.Name).ToListAsync(cancellationToken);
        var added = false;
        foreach (var profile in Shipped().Where(p => !names.Contains(p.Name)))
        {
            db.Profiles.Add(new ProfileRow
            {
                Name = profile.Name, Json = JsonSerializer.Serialize(Definition(profile), Json), BuiltIn = true,
                ChangedBy = "HotSpots", ChangedUtc = clock.GetUtcNow().UtcDateTime,
            });
            added = true;
        }
        if (!added) return;
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateException) { /* another request added them at the same moment */ }
        db.ChangeTracker.Clear();
    }

    public static IReadOnlyList<MappingProfile> Shipped()
    {
        var assembly = typeof(ProfileStore).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith("Profiles.", StringComparison.Ordinal)).Order()
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return JsonSerializer.Deserialize<MappingProfile>(stream, Json)! with { BuiltIn = true };
            }).ToList();
    }

    private static MappingProfile ToProfile(ProfileRow row) =>
        JsonSerializer.Deserialize<MappingProfile>(row.Json, Json)! with { BuiltIn = row.BuiltIn, ChangedBy = row.ChangedBy, ChangedUtc = row.ChangedUtc };

    private static MappingProfile Definition(MappingProfile p) => p with { BuiltIn = false, ChangedBy = null, ChangedUtc = null };

    private static MappingProfile Clean(MappingProfile p) => p with
    {
        Name = p.Name.Trim(),
        Source = p.Source.Trim(),
        TimeZone = p.TimeZone.Trim(),
        DateFormats = p.DateFormats.Select(f => f.Trim()).Where(f => f.Length > 0).ToList(),
        Columns = p.Columns.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key.Trim(), c => c.Value.Trim()),
        CategoryMap = p.CategoryMap.Where(c => !string.IsNullOrWhiteSpace(c.Key) && !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key.Trim(), c => c.Value.Trim(), StringComparer.OrdinalIgnoreCase),
    };
}

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HotSpots.Platform.Data;

internal sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string? Why { get; set; }
    public string? Details { get; set; }
}

internal sealed class SettingRecord
{
    public required string Key { get; set; }
    public required string Json { get; set; }
    public DateTime ChangedUtc { get; set; }
    public required string ChangedBy { get; set; }
}

/// <summary>The revision of one kind of data (see <see cref="Revisions.Revision"/>).</summary>
internal sealed class RevisionRecord
{
    public required string Kind { get; set; }
    public long Number { get; set; }
}

/// <summary>
/// The platform's own tables: the audit log, run-time settings, the revisions of every kind of data, and the
/// data-protection keys every node shares.
/// </summary>
internal class PlatformDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Module = "Platform";

    public DbSet<AuditRecord> Audit => Set<AuditRecord>();
    public DbSet<SettingRecord> Settings => Set<SettingRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RevisionRecord> Revisions => Set<RevisionRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<AuditRecord>(e =>
        {
            e.ToTable("platform_audit");
            e.HasIndex(a => a.AtUtc);
            e.HasIndex(a => new { a.Action, a.AtUtc });
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Subject).HasMaxLength(256);
            e.Property(a => a.Why).HasMaxLength(2000);
        });
        model.Entity<DataProtectionKey>(e => e.ToTable("platform_data_protection_keys"));
        model.Entity<SettingRecord>(e =>
        {
            e.ToTable("platform_settings");
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(128);
        });
        model.Entity<RevisionRecord>(e =>
        {
            e.ToTable("platform_revisions");
            e.HasKey(r => r.Kind);
            e.Property(r => r.Kind).HasMaxLength(160);
        });
    }
}

internal sealed class PlatformSqliteContext(DbContextOptions<PlatformSqliteContext> options) : PlatformDbContext(options);

internal sealed class PlatformPostgresContext(DbContextOptions<PlatformPostgresContext> options) : PlatformDbContext(options);

internal sealed class PlatformSqliteDesignFactory : IDesignTimeDbContextFactory<PlatformSqliteContext>
{
    public PlatformSqliteContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<PlatformSqliteContext>(PlatformDbContext.Module));
}

internal sealed class PlatformPostgresDesignFactory : IDesignTimeDbContextFactory<PlatformPostgresContext>
{
    public PlatformPostgresContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PlatformPostgresContext>(PlatformDbContext.Module));
}

using HotSpots.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Ingestion.Data;

internal class IngestionDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Crime> Crimes => Set<Crime>();
    public DbSet<PersonLink> PersonLinks => Set<PersonLink>();
    public DbSet<ImportRun> Imports => Set<ImportRun>();
    public DbSet<QuarantinedRow> Quarantine => Set<QuarantinedRow>();
    public DbSet<UnitPositionRow> UnitPositions => Set<UnitPositionRow>();
    public DbSet<ProfileRow> Profiles => Set<ProfileRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Crime>(e =>
        {
            e.ToTable("ingestion_crimes");
            e.HasIndex(c => new { c.Source, c.SourceKey }).IsUnique();
            e.HasIndex(c => c.OccurredFromUtc);
            e.Property(c => c.Source).HasMaxLength(32);
            e.Property(c => c.SourceKey).HasMaxLength(256);
            e.Property(c => c.Category).HasMaxLength(128);
            e.HasMany(c => c.People).WithOne().HasForeignKey(p => p.CrimeId).OnDelete(DeleteBehavior.Cascade);
            // On SQLite the id is the row id, which SQLite numbers itself (CrimeStore inserts crimes; EF never does), without
            // AUTOINCREMENT: that reads and rewrites sqlite_sequence on every insert, about a tenth of a large import's time,
            // only to keep the ids of deleted rows from coming back, and crimes are never deleted. (EF cannot record
            // "generated, without AUTOINCREMENT" in its migrations' model, so the model says that EF does not generate it.)
            if (Database.IsSqlite()) e.Property(c => c.Id).ValueGeneratedNever();
        });
        model.Entity<PersonLink>(e =>
        {
            e.ToTable("ingestion_person_links");
            e.HasIndex(p => p.PersonId);
            e.Property(p => p.PersonId).HasMaxLength(64);
            e.Property(p => p.Role).HasMaxLength(16);
        });
        model.Entity<ImportRun>(e =>
        {
            e.ToTable("ingestion_imports");
            e.HasIndex(r => r.Status);
            e.Property(r => r.Status).HasMaxLength(32);
            e.Property(r => r.Format).HasMaxLength(32);
            e.Property(r => r.Profile).HasMaxLength(64);
        });
        model.Entity<ProfileRow>(e =>
        {
            e.ToTable("ingestion_profiles");
            e.HasIndex(p => p.Name).IsUnique();
            e.Property(p => p.Name).HasMaxLength(64);
        });
        model.Entity<UnitPositionRow>(e =>
        {
            e.ToTable("ingestion_unit_positions");
            e.HasIndex(p => new { p.UnitId, p.TimeUtc }).IsUnique();
            e.HasIndex(p => p.TimeUtc);
            e.Property(p => p.UnitId).HasMaxLength(64);
            e.Property(p => p.UnitType).HasConversion<string>().HasMaxLength(16);
        });
        model.Entity<QuarantinedRow>(e =>
        {
            e.ToTable("ingestion_quarantine");
            e.HasIndex(q => q.ImportId);
            e.HasIndex(q => new { q.File, q.Line, q.RawHash }).IsUnique();
            e.HasIndex(q => q.Status);
            e.Property(q => q.Status).HasMaxLength(16);
            e.Property(q => q.Format).HasMaxLength(32);
            e.Property(q => q.Profile).HasMaxLength(64);
        });
    }
}

internal sealed class IngestionSqliteContext(DbContextOptions<IngestionSqliteContext> options) : IngestionDbContext(options);

internal sealed class IngestionPostgresContext(DbContextOptions<IngestionPostgresContext> options) : IngestionDbContext(options);

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
        });
        model.Entity<PersonLink>(e =>
        {
            e.ToTable("ingestion_person_links");
            e.HasIndex(p => p.PersonId);
            e.Property(p => p.PersonId).HasMaxLength(64);
            e.Property(p => p.Role).HasMaxLength(16);
        });
        model.Entity<ImportRun>(e => e.ToTable("ingestion_imports"));
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
        });
    }
}

internal sealed class IngestionSqliteContext(DbContextOptions<IngestionSqliteContext> options) : IngestionDbContext(options);

internal sealed class IngestionPostgresContext(DbContextOptions<IngestionPostgresContext> options) : IngestionDbContext(options);

using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HotSpots.Modules.Hotspots.Data;

internal class HotspotsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<HotspotSet> Sets => Set<HotspotSet>();
    public DbSet<Hotspot> Spots => Set<Hotspot>();
    public DbSet<Exclusion> Exclusions => Set<Exclusion>();
    public DbSet<BacktestRecord> Backtests => Set<BacktestRecord>();
    public DbSet<SpotPlaceFlag> PlaceFlags => Set<SpotPlaceFlag>();
    public DbSet<ForcePlace> Places => Set<ForcePlace>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<HotspotSet>(e =>
        {
            e.ToTable("hotspots_sets");
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(s => s.Status);
            e.HasMany(s => s.Spots).WithOne().HasForeignKey(h => h.SetId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Hotspot>(e =>
        {
            e.ToTable("hotspots_spots");
            e.HasIndex(h => new { h.SetId, h.Rank });
            e.Property(h => h.Name).HasMaxLength(200);
            e.Property(h => h.Briefing).HasMaxLength(Briefings.MaxLength);
            // An excluded spot stays on record (its flag explains it) but is never part of its set.
            e.HasQueryFilter(h => h.ExcludedUtc == null);
        });
        model.Entity<SpotPlaceFlag>(e =>
        {
            e.ToTable("hotspots_place_flags");
            e.Property(f => f.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(f => f.Match).HasConversion<string>().HasMaxLength(32);
            e.Property(f => f.Decision).HasConversion<string>().HasMaxLength(16);
            e.Property(f => f.Place).HasMaxLength(200);
            e.Property(f => f.Reason).HasMaxLength(500);
            e.Property(f => f.DecidedBy).HasMaxLength(256);
            e.Property(f => f.Note).HasMaxLength(500);
            e.HasIndex(f => f.SetId);
            e.HasIndex(f => f.HotspotId);
        });
        model.Entity<ForcePlace>(e =>
        {
            e.ToTable("hotspots_places");
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.UploadedBy).HasMaxLength(256);
        });
        model.Entity<Exclusion>(e =>
        {
            e.ToTable("hotspots_exclusions");
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.RemovedUtc);
        });
        model.Entity<BacktestRecord>(e =>
        {
            e.ToTable("hotspots_backtests");
            e.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(b => b.Stage).HasMaxLength(100);
        });
    }
}

internal sealed class HotspotsSqliteContext(DbContextOptions<HotspotsSqliteContext> options) : HotspotsDbContext(options);

internal sealed class HotspotsPostgresContext(DbContextOptions<HotspotsPostgresContext> options) : HotspotsDbContext(options);

internal sealed class HotspotsSqliteDesignFactory : IDesignTimeDbContextFactory<HotspotsSqliteContext>
{
    public HotspotsSqliteContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<HotspotsSqliteContext>(HotspotsModule.Name));
}

internal sealed class HotspotsPostgresDesignFactory : IDesignTimeDbContextFactory<HotspotsPostgresContext>
{
    public HotspotsPostgresContext CreateDbContext(string[] args) => new(DesignTime.Postgres<HotspotsPostgresContext>(HotspotsModule.Name));
}

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

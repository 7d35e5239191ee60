using HotSpots.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HotSpots.Modules.Patrols.Data;

internal sealed class PatrolSession
{
    public long Id { get; set; }
    public required string OfficerId { get; set; }
    public long HotspotId { get; set; }
    public long SetId { get; set; }
    public required string HotspotName { get; set; }

    /// <summary>The spot's polygon when the patrol started (projected metres, WKB), so later sets do not change it.</summary>
    public required byte[] PolygonWkb { get; set; }

    public DateTime StartedUtc { get; set; }
    public DateTime? EndedUtc { get; set; }
    public int PingCount { get; set; }
    public double MinutesInside { get; set; }
    public bool LastInside { get; set; }
    public int ActivityCount { get; set; }
}

internal sealed class Ping
{
    public long Id { get; set; }
    public long PatrolId { get; set; }
    public long Sequence { get; set; }
    public DateTime TimeUtc { get; set; }
    public DateTime ReceivedUtc { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public double? AccuracyMetres { get; set; }
    public double? SpeedMetresPerSecond { get; set; }
    public double X { get; set; }
    public double Y { get; set; }
    public bool Inside { get; set; }
}

internal sealed class Activity
{
    public long Id { get; set; }
    public long PatrolId { get; set; }
    public long Sequence { get; set; }
    public DateTime TimeUtc { get; set; }
    public required string Kind { get; set; }
    public string? Text { get; set; }
}

internal class PatrolsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<PatrolSession> Patrols => Set<PatrolSession>();
    public DbSet<Ping> Pings => Set<Ping>();
    public DbSet<Activity> Activities => Set<Activity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<PatrolSession>(e =>
        {
            e.ToTable("patrols_sessions");
            e.HasIndex(p => new { p.OfficerId, p.StartedUtc });
            e.HasIndex(p => p.StartedUtc);
        });
        model.Entity<Ping>(e =>
        {
            e.ToTable("patrols_pings");
            e.HasIndex(p => new { p.PatrolId, p.Sequence }).IsUnique();
            e.HasOne<PatrolSession>().WithMany().HasForeignKey(p => p.PatrolId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Activity>(e =>
        {
            e.ToTable("patrols_activities");
            e.HasIndex(a => new { a.PatrolId, a.Sequence }).IsUnique();
            e.Property(a => a.Kind).HasMaxLength(64);
            e.Property(a => a.Text).HasMaxLength(2000);
            e.HasOne<PatrolSession>().WithMany().HasForeignKey(a => a.PatrolId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

internal sealed class PatrolsSqliteContext(DbContextOptions<PatrolsSqliteContext> options) : PatrolsDbContext(options);

internal sealed class PatrolsPostgresContext(DbContextOptions<PatrolsPostgresContext> options) : PatrolsDbContext(options);

internal sealed class PatrolsSqliteDesignFactory : IDesignTimeDbContextFactory<PatrolsSqliteContext>
{
    public PatrolsSqliteContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<PatrolsSqliteContext>(PatrolsModule.Name));
}

internal sealed class PatrolsPostgresDesignFactory : IDesignTimeDbContextFactory<PatrolsPostgresContext>
{
    public PatrolsPostgresContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PatrolsPostgresContext>(PatrolsModule.Name));
}

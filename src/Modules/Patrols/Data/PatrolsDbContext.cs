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

    /// <summary>"officer", "automatic" or "replaced".</summary>
    public string? EndReason { get; set; }

    public DateTime? LastPingUtc { get; set; }
    public int VisitCount { get; set; }
    public int KoperVisitCount { get; set; }
    public int StopCount { get; set; }
    public double FootMinutes { get; set; }
    public double VehicleMinutes { get; set; }

    /// <summary>When the raw positions were purged (retention); visits, stops and stretches stay.</summary>
    public DateTime? PingsPurgedUtc { get; set; }

    /// <summary>Seconds of the patrol measured (the phone had a fix and the page was on screen); set when it ends.</summary>
    public double ObservedSeconds { get; set; }

    /// <summary>Seconds of the patrol not measured (page hidden or frozen, no fix, or silence between pings); set when it ends.</summary>
    public double UnobservedSeconds { get; set; }
}

/// <summary>A stretch of a patrol the page said it could not measure (hidden, frozen, closed or without a fix), idempotent by the phone's sequence.</summary>
internal sealed class UnobservedReport
{
    public long Id { get; set; }
    public long PatrolId { get; set; }
    public long Sequence { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public required string Reason { get; set; }
}

/// <summary>Time in a spot: from a patrol (ordinal within it) or from the police location feed (a unit).</summary>
internal sealed class Visit
{
    public long Id { get; set; }
    public int Source { get; set; }
    public long? PatrolId { get; set; }
    public int Ordinal { get; set; }
    public required string SubjectId { get; set; }
    public long HotspotId { get; set; }
    public DateTime EnteredUtc { get; set; }
    public DateTime ExitedUtc { get; set; }
    public double Seconds { get; set; }
    public int Mode { get; set; }
    public bool Open { get; set; }
}

internal sealed class Stop
{
    public long Id { get; set; }
    public long PatrolId { get; set; }
    public int Ordinal { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public double X { get; set; }
    public double Y { get; set; }
    public bool InSpot { get; set; }
    public bool Open { get; set; }
}

/// <summary>A stretch of a patrol on foot or in a vehicle.</summary>
internal sealed class Stretch
{
    public long Id { get; set; }
    public long PatrolId { get; set; }
    public int Ordinal { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public int Mode { get; set; }
    public bool Open { get; set; }
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

    /// <summary>When the server stored it (its clock): the undo window runs from here. Null for entries stored before it was kept.</summary>
    public DateTime? LoggedUtc { get; set; }

    /// <summary>When the officer undid it (a mis-tap): kept for the audit trail, counted nowhere.</summary>
    public DateTime? UndoneUtc { get; set; }
}

internal class PatrolsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<PatrolSession> Patrols => Set<PatrolSession>();
    public DbSet<Ping> Pings => Set<Ping>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<Stop> Stops => Set<Stop>();
    public DbSet<Stretch> Stretches => Set<Stretch>();
    public DbSet<UnobservedReport> UnobservedReports => Set<UnobservedReport>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<PatrolSession>(e =>
        {
            e.ToTable("patrols_sessions");
            e.HasIndex(p => new { p.OfficerId, p.StartedUtc });
            e.HasIndex(p => p.StartedUtc);
            e.HasIndex(p => p.EndedUtc);
            e.Property(p => p.EndReason).HasMaxLength(16);
        });
        model.Entity<Ping>(e =>
        {
            e.ToTable("patrols_pings");
            e.HasIndex(p => new { p.PatrolId, p.Sequence }).IsUnique();
            e.HasIndex(p => p.TimeUtc);
            e.HasOne<PatrolSession>().WithMany().HasForeignKey(p => p.PatrolId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Activity>(e =>
        {
            e.ToTable("patrols_activities");
            e.HasIndex(a => new { a.PatrolId, a.Sequence }).IsUnique();
            e.Property(a => a.Kind).HasMaxLength(64);
            e.Property(a => a.Text).HasMaxLength(2000);
            e.HasOne<PatrolSession>().WithMany().HasForeignKey(a => a.PatrolId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => a.TimeUtc);
        });
        model.Entity<Visit>(e =>
        {
            e.ToTable("patrols_visits");
            e.Property(v => v.SubjectId).HasMaxLength(128);
            e.HasIndex(v => new { v.PatrolId, v.Ordinal }).IsUnique();
            e.HasIndex(v => new { v.Source, v.EnteredUtc });
            e.HasOne<PatrolSession>().WithMany().HasForeignKey(v => v.PatrolId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Stop>(e =>
        {
            e.ToTable("patrols_stops");
            e.HasIndex(s => new { s.PatrolId, s.Ordinal }).IsUnique();
            e.HasOne<PatrolSession>().WithMany().HasForeignKey(s => s.PatrolId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Stretch>(e =>
        {
            e.ToTable("patrols_stretches");
            e.HasIndex(s => new { s.PatrolId, s.Ordinal }).IsUnique();
            e.HasOne<PatrolSession>().WithMany().HasForeignKey(s => s.PatrolId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<UnobservedReport>(e =>
        {
            e.ToTable("patrols_unobserved");
            e.HasIndex(u => new { u.PatrolId, u.Sequence }).IsUnique();
            e.Property(u => u.Reason).HasMaxLength(16);
            e.HasOne<PatrolSession>().WithMany().HasForeignKey(u => u.PatrolId).OnDelete(DeleteBehavior.Cascade);
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

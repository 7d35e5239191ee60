using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HotSpots.Modules.Tasking.Data;

internal class TaskingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DirectionRecord> Directions => Set<DirectionRecord>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Trial> Trials => Set<Trial>();
    public DbSet<TrialSpotRow> TrialSpots => Set<TrialSpotRow>();
    public DbSet<TrialPlaceDayRow> TrialPlaceDays => Set<TrialPlaceDayRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<DirectionRecord>(e =>
        {
            e.ToTable("tasking_directions");
            e.HasIndex(d => new { d.OfficerId, d.CreatedUtc });
        });
        model.Entity<Assignment>(e =>
        {
            e.ToTable("tasking_assignments");
            e.HasIndex(a => new { a.PoliceDay, a.TeamId });
            e.Property(a => a.Shift).HasMaxLength(32);
        });
        model.Entity<Trial>(e =>
        {
            e.ToTable("tasking_trials");
            e.Property(t => t.Design).HasConversion<string>().HasMaxLength(32);
            e.Property(t => t.Sha256).HasMaxLength(64);
            e.HasMany(t => t.Spots).WithOne().HasForeignKey(s => s.TrialId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<TrialSpotRow>(e =>
        {
            e.ToTable("tasking_trial_spots");
            e.HasIndex(s => new { s.TrialId, s.Code }).IsUnique();
        });
        model.Entity<TrialPlaceDayRow>(e =>
        {
            e.ToTable("tasking_trial_place_days");
            e.HasKey(p => new { p.TrialId, p.PoliceDay, p.HotspotId });
            e.Property(p => p.Arm).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Trial>().WithMany().HasForeignKey(p => p.TrialId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

internal sealed class TaskingSqliteContext(DbContextOptions<TaskingSqliteContext> options) : TaskingDbContext(options);

internal sealed class TaskingPostgresContext(DbContextOptions<TaskingPostgresContext> options) : TaskingDbContext(options);

internal sealed class TaskingSqliteDesignFactory : IDesignTimeDbContextFactory<TaskingSqliteContext>
{
    public TaskingSqliteContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<TaskingSqliteContext>(TaskingModule.Name));
}

internal sealed class TaskingPostgresDesignFactory : IDesignTimeDbContextFactory<TaskingPostgresContext>
{
    public TaskingPostgresContext CreateDbContext(string[] args) => new(DesignTime.Postgres<TaskingPostgresContext>(TaskingModule.Name));
}

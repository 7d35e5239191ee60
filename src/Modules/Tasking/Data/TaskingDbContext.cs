using HotSpots.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HotSpots.Modules.Tasking.Data;

internal sealed class Team
{
    public long Id { get; set; }
    public required string Name { get; set; }
}

internal sealed class Officer
{
    /// <summary>The officer's sign-in id.</summary>
    public required string Id { get; set; }
    public required string DisplayName { get; set; }
    public long? TeamId { get; set; }
}

/// <summary>One "direct me": which spot an officer was sent to, from where, among how many candidates.</summary>
internal sealed class DirectionRecord
{
    public long Id { get; set; }
    public required string OfficerId { get; set; }
    public long HotspotId { get; set; }
    public long SetId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public double FromLatitude { get; set; }
    public double FromLongitude { get; set; }
    public double DistanceMetres { get; set; }
    public required string CandidateIds { get; set; }
}

internal class TaskingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<DirectionRecord> Directions => Set<DirectionRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Team>(e =>
        {
            e.ToTable("tasking_teams");
            e.HasIndex(t => t.Name).IsUnique();
        });
        model.Entity<Officer>(e =>
        {
            e.ToTable("tasking_officers");
            e.HasOne<Team>().WithMany().HasForeignKey(o => o.TeamId).OnDelete(DeleteBehavior.SetNull);
        });
        model.Entity<DirectionRecord>(e =>
        {
            e.ToTable("tasking_directions");
            e.HasIndex(d => new { d.OfficerId, d.CreatedUtc });
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

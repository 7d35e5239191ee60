using HotSpots.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HotSpots.Modules.Workforce.Data;

internal class WorkforceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Officer> Officers => Set<Officer>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Team>(e =>
        {
            e.ToTable("workforce_teams");
            e.Property(t => t.Name).HasMaxLength(Limits.TeamName);
            e.HasIndex(t => t.Name).IsUnique();
        });
        model.Entity<Officer>(e =>
        {
            e.ToTable("workforce_officers");
            e.Property(o => o.DisplayName).HasMaxLength(Limits.DisplayName);
            e.Property(o => o.CollarNumber).HasMaxLength(Limits.Collar);
            e.HasIndex(o => o.CollarNumber).IsUnique();
            e.HasIndex(o => o.TeamId);
            e.HasOne<Team>().WithMany().HasForeignKey(o => o.TeamId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The longest values the records hold (the roster import and the pages check them first).</summary>
internal static class Limits
{
    public const int TeamName = 100;
    public const int DisplayName = 100;
    public const int Collar = 16;
}

internal sealed class WorkforceSqliteContext(DbContextOptions<WorkforceSqliteContext> options) : WorkforceDbContext(options);

internal sealed class WorkforcePostgresContext(DbContextOptions<WorkforcePostgresContext> options) : WorkforceDbContext(options);

internal sealed class WorkforceSqliteDesignFactory : IDesignTimeDbContextFactory<WorkforceSqliteContext>
{
    public WorkforceSqliteContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<WorkforceSqliteContext>(WorkforceModule.Name));
}

internal sealed class WorkforcePostgresDesignFactory : IDesignTimeDbContextFactory<WorkforcePostgresContext>
{
    public WorkforcePostgresContext CreateDbContext(string[] args) => new(DesignTime.Postgres<WorkforcePostgresContext>(WorkforceModule.Name));
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Platform.Data;

/// <summary>One module's database: applied by the composition root on start, checked by tests.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    /// <summary>Applies this module's pending migrations.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Applies or reverts this module's migrations up to the one named (e.g. "Initial"): an upgrade test's starting point.</summary>
    Task MigrateToAsync(string migration, CancellationToken cancellationToken);

    /// <summary>Migrations in the database that this build does not know (the database is newer than the code).</summary>
    Task<IReadOnlyList<string>> UnknownAppliedMigrationsAsync(CancellationToken cancellationToken);

    /// <summary>True when the model has changes that no migration captures.</summary>
    bool HasPendingModelChanges();
}

public static class ModuleDatabaseRegistration
{
    /// <summary>
    /// Registers a module's DbContext for the configured provider. Each provider has its own subclass,
    /// so that the two migration sets live side by side; each module keeps its own history table.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, DatabaseSettings settings, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        // Pooled: contexts are leased on every request (sign-in checks, module facades), and making a new one each time
        // was a visible share of a request's work under load. The contexts hold no state of their own.
        if (settings.Provider == DatabaseProvider.Postgres)
            services.AddDbContextPool<TContext, TPostgres>(o => o.UseModulePostgres(settings.ConnectionString, module));
        else
            services.AddDbContextPool<TContext, TSqlite>(o => o.UseModuleSqlite(settings.ConnectionString, module));
        services.AddSingleton<IModuleDatabase>(sp => new ModuleDatabase<TContext>(module, sp.GetRequiredService<IServiceScopeFactory>()));
        return services;
    }

    public static DbContextOptionsBuilder UseModuleSqlite(this DbContextOptionsBuilder options, string connectionString, string module) =>
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable(HistoryTable(module)))
            .AddInterceptors(SqliteConnectionSettings.Instance);

    public static DbContextOptionsBuilder UseModulePostgres(this DbContextOptionsBuilder options, string connectionString, string module) =>
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(HistoryTable(module)));

    public static string HistoryTable(string module) => $"__{module.ToLowerInvariant()}_migrations";

    private sealed class ModuleDatabase<TContext>(string module, IServiceScopeFactory scopes) : IModuleDatabase
        where TContext : DbContext
    {
        public string Module => module;

        public async Task MigrateAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<TContext>().Database;
            // EF Core asks for the applied migrations before it creates the history table: on a new PostgreSQL database
            // that select fails (and is logged as an error) unless the table is made first.
            if (!await HistoryExistsAsync(database, cancellationToken))
                await database.ExecuteSqlRawAsync(database.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            await database.MigrateAsync(cancellationToken);
        }

        public async Task MigrateToAsync(string migration, CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TContext>().GetService<IMigrator>().MigrateAsync(migration, cancellationToken: cancellationToken);
        }

        public async Task<IReadOnlyList<string>> UnknownAppliedMigrationsAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<TContext>().Database;
            if (!await HistoryExistsAsync(database, cancellationToken)) return [];
            var known = database.GetMigrations().ToHashSet();
            var applied = await database.GetAppliedMigrationsAsync(cancellationToken);
            return applied.Where(m => !known.Contains(m)).ToList();
        }

        /// <summary>
        /// Whether this module's history table exists. Npgsql's history repository always answers yes and lets the
        /// select fail instead, which EF Core logs as an error: on PostgreSQL the catalogue is asked, with the same
        /// search path as the unqualified table name the migrations use.
        /// </summary>
        private async Task<bool> HistoryExistsAsync(DatabaseFacade database, CancellationToken cancellationToken)
        {
            if (!database.IsNpgsql()) return await database.GetService<IHistoryRepository>().ExistsAsync(cancellationToken);
            var table = HistoryTable(module);
            var found = await database.SqlQuery<bool>($"SELECT to_regclass({table}) IS NOT NULL AS \"Value\"").ToListAsync(cancellationToken);
            return found.Single();
        }

        public bool HasPendingModelChanges()
        {
            using var scope = scopes.CreateScope();
            return scope.ServiceProvider.GetRequiredService<TContext>().Database.HasPendingModelChanges();
        }
    }
}

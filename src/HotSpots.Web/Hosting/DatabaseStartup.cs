using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Data;
using HotSpots.Web.Accounts;
using HotSpots.Web.Demo;
using Microsoft.Data.Sqlite;

namespace HotSpots.Web.Hosting;

/// <summary>
/// Before anything else starts: WAL on the SQLite file, every module's migrations applied (refusing a database
/// newer than this build) and on PostgreSQL Hangfire's tables, roles created, and on a first start in demo mode the demo
/// force seeded; on PostgreSQL one node at a time. A first start on an empty database logs no error.
/// A new SQLite file gets 16 KB pages (SQLite's default is 4 KB): a large import writes a quarter as many pages to the
/// log, for about an eighth less time (docs/benchmarks.md). The page size of an existing file cannot change and is kept.
/// </summary>
internal sealed class DatabaseStartup(
    IServiceProvider services, DatabaseSettings database, DemoOptions demo, ILogger<DatabaseStartup> log) : IHostedService, IDisposable
{
    private DataDirectoryLock? _lock;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = DataDirectoryLock.Acquire(database.DataDirectory, "start another HotSpots on it");
        // The demo is seeded under the migration lock too, so that two nodes started at once with the demo on never both seed it.
        await PrepareAsync(services, database, cancellationToken, demo.Enabled
            ? scope => scope.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken)
            : null);
        if (!demo.Enabled) log.LogInformation("Demo mode is off: no demo data or demo sign-ins.");
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }

    /// <summary>
    /// Migrates, installs Hangfire's tables on PostgreSQL and creates the roles; then runs <paramref name="thenUnderLock"/>
    /// in a scope. On PostgreSQL all of it happens under an advisory lock, one node at a time, so that nodes started
    /// together migrate once and never race to create the same rows.
    /// </summary>
    public static async Task PrepareAsync(
        IServiceProvider services, DatabaseSettings database, CancellationToken cancellationToken, Func<IServiceProvider, Task>? thenUnderLock = null)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA page_size=16384; PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
        // On PostgreSQL several nodes may start at once: one migrates at a time, under an advisory lock.
        await using var migrationLock = database.Provider == DatabaseProvider.Postgres
            ? await PostgresMigrationLock.AcquireAsync(database.ConnectionString, services.GetService<ILogger<DatabaseStartup>>(), cancellationToken)
            : null;
        var modules = services.GetServices<IModuleDatabase>().ToList();
        foreach (var module in modules)
        {
            var unknown = await module.UnknownAppliedMigrationsAsync(cancellationToken);
            if (unknown.Count > 0)
                throw new InvalidOperationException(
                    $"The database is newer than this version of HotSpots: module {module.Module} has migrations this build does not know " +
                    $"({string.Join(", ", unknown)}). Install the newer version, or restore a backup made by this version.");
        }
        foreach (var module in modules)
            await module.MigrateAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Postgres)
            await HangfireSchema.InstallAsync(database.ConnectionString, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IUserAccounts>().EnsureRolesAsync();
        if (thenUnderLock is not null) await thenUnderLock(scope.ServiceProvider);
        // The force's saved settings (set-up page) are in force before the first request, job or command.
        await services.GetRequiredService<ForceSettingsWatch>().RefreshAsync(cancellationToken);
    }
}

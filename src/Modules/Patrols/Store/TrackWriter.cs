using HotSpots.Modules.Patrols.Data;
using HotSpots.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Patrols.Store;

/// <summary>
/// How the module writes, chosen once for the database provider when the module is registered (<see cref="Register"/>):
/// on SQLite the write transactions queue for the one writer and ping batches are group-committed
/// (<see cref="SqliteTrackWriter"/>); on PostgreSQL everyone writes at once, each transaction locking the session row it
/// writes (<see cref="PostgresTrackWriter"/>). Nothing else in the module asks which provider it runs on.
/// </summary>
internal abstract class TrackWriter
{
    /// <summary>Registers the writer for the provider, and on SQLite its gate and group commit (on PostgreSQL neither exists).</summary>
    public static void Register(IServiceCollection services, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddSingleton<WriteGate>();
            services.AddSingleton<GroupCommit>();
            services.AddSingleton<TrackWriter, SqliteTrackWriter>();
        }
        else
        {
            services.AddSingleton<TrackWriter, PostgresTrackWriter>();
        }
    }

    /// <summary>Admits one of the module's write transactions done with EF (jobs); dispose the answer once it has ended.</summary>
    public abstract Task<IDisposable> EnterAsync(CancellationToken cancellationToken);

    /// <summary>Begins a write transaction of the hot path on the scope's context.</summary>
    public abstract Task<TrackWrite> BeginAsync(PatrolsDbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a ping batch's part of a write transaction and commits it; the batch's after-commit work runs, and the answer is
    /// given, only after the commit.
    /// </summary>
    public abstract Task<T> WriteBatchAsync<T>(
        PatrolsDbContext db, Func<TrackWrite, CancellationToken, Task<Written<T>>> work, CancellationToken cancellationToken);
}

using System.Text;
using HotSpots.Modules.Patrols.Data;
using Microsoft.EntityFrameworkCore.Storage;

namespace HotSpots.Modules.Patrols.Store;

/// <summary>
/// PostgreSQL: every writer at once, each in its own transaction, which locks the session row it writes; a ping batch
/// is committed alone. No gate and no group commit.
/// </summary>
internal sealed class PostgresTrackWriter : TrackWriter
{
    public override Task<IDisposable> EnterAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable>(Entered.Instance);

    public override async Task<TrackWrite> BeginAsync(PatrolsDbContext db, CancellationToken cancellationToken) =>
        await PostgresTrackWrite.BeginAsync(db, cancellationToken);

    public override async Task<T> WriteBatchAsync<T>(
        PatrolsDbContext db, Func<TrackWrite, CancellationToken, Task<Written<T>>> work, CancellationToken cancellationToken)
    {
        await using var write = await PostgresTrackWrite.BeginAsync(db, cancellationToken);
        var written = await work(write, cancellationToken);
        await write.CommitAsync(cancellationToken);
        written.AfterCommit?.Invoke();
        return written.Result;
    }

    private sealed class Entered : IDisposable
    {
        public static readonly Entered Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>PostgreSQL's write transaction: the session row is read FOR UPDATE; a batch's pings go in one statement.</summary>
internal sealed class PostgresTrackWrite : TrackWrite
{
    private PostgresTrackWrite(PatrolsDbContext db, IDbContextTransaction transaction) : base(db, transaction, null)
    {
    }

    public static Task<PostgresTrackWrite> BeginAsync(PatrolsDbContext db, CancellationToken cancellationToken) =>
        BeginAsync(db, null, (transaction, _) => new PostgresTrackWrite(db, transaction), cancellationToken);

    protected override string LockSession => " FOR UPDATE";

    /// <summary>One multi-row VALUES insert (its parameters are bound by position), one round trip.</summary>
    protected override async Task InsertAsync(long patrolId, IReadOnlyList<StoredPing> pings, DateTime receivedUtc, CancellationToken cancellationToken)
    {
        await using var command = Command("");
        Add(command, "@p", patrolId);
        Add(command, "@r", receivedUtc);
        var sql = new StringBuilder(PingColumns).Append("VALUES ");
        for (var i = 0; i < pings.Count; i++)
        {
            var p = pings[i];
            if (i > 0) sql.Append(", ");
            sql.Append($"(@p, @q{i}, @t{i}, @r, @la{i}, @lo{i}, @a{i}, @v{i}, @x{i}, @y{i}, @i{i})");
            Add(command, $"@q{i}", p.Sequence);
            Add(command, $"@t{i}", p.TimeUtc);
            Add(command, $"@la{i}", p.Latitude);
            Add(command, $"@lo{i}", p.Longitude);
            Add(command, $"@a{i}", p.AccuracyMetres);
            Add(command, $"@v{i}", p.Speed);
            Add(command, $"@x{i}", p.X);
            Add(command, $"@y{i}", p.Y);
            Add(command, $"@i{i}", p.Inside);
        }
        command.CommandText = sql.Append(SkipStored).ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using HotSpots.Modules.Patrols.Data;
using Microsoft.EntityFrameworkCore.Storage;

namespace HotSpots.Modules.Patrols.Store;

/// <summary>
/// SQLite: the module's write transactions queue in the process for the one writer (<see cref="WriteGate"/>), and ping
/// batches that wait together are committed together (<see cref="GroupCommit"/>).
/// </summary>
internal sealed class SqliteTrackWriter(WriteGate gate, GroupCommit group) : TrackWriter
{
    public override Task<IDisposable> EnterAsync(CancellationToken cancellationToken) => gate.EnterAsync(cancellationToken);

    public override async Task<TrackWrite> BeginAsync(PatrolsDbContext db, CancellationToken cancellationToken) =>
        await SqliteTrackWrite.BeginAsync(db, gate, cancellationToken);

    public override Task<T> WriteBatchAsync<T>(
        PatrolsDbContext db, Func<TrackWrite, CancellationToken, Task<Written<T>>> work, CancellationToken cancellationToken) =>
        group.WriteAsync(work, cancellationToken);
}

/// <summary>
/// SQLite's write transaction, held through the gate: the one writer needs no row lock. It may hold several ping batches,
/// each in a savepoint (<see cref="GroupCommit"/>).
/// </summary>
internal sealed class SqliteTrackWrite : TrackWrite
{
    private SqliteTrackWrite(PatrolsDbContext db, IDbContextTransaction transaction, IDisposable? entered) : base(db, transaction, entered)
    {
    }

    public static Task<SqliteTrackWrite> BeginAsync(PatrolsDbContext db, WriteGate gate, CancellationToken cancellationToken) =>
        BeginAsync(db, gate, (transaction, entered) => new SqliteTrackWrite(db, transaction, entered), cancellationToken);

    protected override string LockSession => "";

    private const string Savepoint = "batch";

    /// <summary>Marks the start of one batch of a group, so that a failed batch can be undone alone.</summary>
    public Task SavepointAsync(CancellationToken cancellationToken) => Transaction.CreateSavepointAsync(Savepoint, cancellationToken);

    public Task ReleaseSavepointAsync(CancellationToken cancellationToken) => Transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);

    public Task RollbackToSavepointAsync(CancellationToken cancellationToken) => Transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);

    /// <summary>
    /// One prepared single-row insert run once per ping. SQLite runs in this process, so a statement per row costs
    /// no round trip; a multi-row statement costs more, as SQLite finds each named parameter by comparing its name with
    /// every name in the statement (550 for 50 pings).
    /// </summary>
    protected override async Task InsertAsync(long patrolId, IReadOnlyList<StoredPing> pings, DateTime receivedUtc, CancellationToken cancellationToken)
    {
        await using var command = Command(PingColumns + "VALUES (@p, @q, @t, @r, @la, @lo, @a, @v, @x, @y, @i)" + SkipStored);
        Add(command, "@p", patrolId);
        Add(command, "@r", receivedUtc);
        var sequence = Add(command, "@q", 0L);
        var time = Add(command, "@t", DateTime.MinValue);
        var latitude = Add(command, "@la", 0.0);
        var longitude = Add(command, "@lo", 0.0);
        var accuracy = Add(command, "@a", null);
        var speed = Add(command, "@v", null);
        var x = Add(command, "@x", 0.0);
        var y = Add(command, "@y", 0.0);
        var inside = Add(command, "@i", false);
        await command.PrepareAsync(cancellationToken);
        foreach (var p in pings)
        {
            sequence.Value = p.Sequence;
            time.Value = p.TimeUtc;
            latitude.Value = p.Latitude;
            longitude.Value = p.Longitude;
            accuracy.Value = p.AccuracyMetres ?? (object)DBNull.Value;
            speed.Value = p.Speed ?? (object)DBNull.Value;
            x.Value = p.X;
            y.Value = p.Y;
            inside.Value = p.Inside;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

using System.Data.Common;
using System.Text;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Tracks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HotSpots.Modules.Patrols.Store;

/// <summary>The session row as the write path needs it.</summary>
internal sealed record SessionRow(
    long Id, string OfficerId, long HotspotId, DateTime StartedUtc, DateTime? EndedUtc, int PingCount, DateTime? LastPingUtc, byte[] PolygonWkb);

/// <summary>A ping that passed the checks, ready to insert.</summary>
internal sealed record StoredPing(long Sequence, DateTime TimeUtc, double Latitude, double Longitude, double? AccuracyMetres, double? Speed, double X, double Y, bool Inside)
{
    public TrackPoint Point => new(TimeUtc, X, Y, AccuracyMetres);
}

/// <summary>The session's totals after a batch.</summary>
internal sealed record SessionTotals(
    int PingCount, DateTime? LastPingUtc, double MinutesInside, bool Inside, int Visits, int KoperVisits, int Stops, double FootMinutes, double VehicleMinutes);

/// <summary>
/// One write transaction of the patrol hot path, in plain SQL on the module's connection: a handful of statements
/// per ping batch (inserts with ON CONFLICT DO NOTHING work on SQLite and PostgreSQL alike). On SQLite it may hold
/// several batches, each in a savepoint (<see cref="GroupCommit"/>).
/// </summary>
internal sealed class TrackWrite : IAsyncDisposable
{
    private readonly PatrolsDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly IDisposable _gate;
    private readonly bool _lockRows;

    private TrackWrite(PatrolsDbContext db, IDbContextTransaction transaction, IDisposable gate, bool lockRows)
    {
        _db = db;
        _transaction = transaction;
        _gate = gate;
        _lockRows = lockRows;
    }

    public static async Task<TrackWrite> BeginAsync(PatrolsDbContext db, WriteGate gate, CancellationToken cancellationToken)
    {
        // The connection is opened (and its settings applied) before the gate, so that the gate holds only the transaction.
        await db.Database.OpenConnectionAsync(cancellationToken);
        IDisposable? entered = null;
        try
        {
            entered = await gate.EnterAsync(cancellationToken);
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return new TrackWrite(db, transaction, entered, gate.LocksRows);
        }
        catch
        {
            entered?.Dispose();
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    public async Task<SessionRow?> ReadSessionAsync(long patrolId, CancellationToken cancellationToken)
    {
        await using var command = Command(
            """SELECT "OfficerId", "HotspotId", "StartedUtc", "EndedUtc", "PingCount", "LastPingUtc", "PolygonWkb" FROM patrols_sessions WHERE "Id" = @id"""
            + (_lockRows ? " FOR UPDATE" : ""));
        Add(command, "@id", patrolId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new SessionRow(patrolId, reader.GetString(0), reader.GetInt64(1), Utc(reader.GetDateTime(2)),
            reader.IsDBNull(3) ? null : Utc(reader.GetDateTime(3)), reader.GetInt32(4),
            reader.IsDBNull(5) ? null : Utc(reader.GetDateTime(5)), (byte[])reader.GetValue(6));
    }

    public async Task<HashSet<long>> ExistingSequencesAsync(long patrolId, IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        var found = new HashSet<long>();
        if (sequences.Count == 0) return found;
        await using var command = Command("");
        var sql = new StringBuilder("""SELECT "Sequence" FROM patrols_pings WHERE "PatrolId" = @p AND "Sequence" IN (""");
        Add(command, "@p", patrolId);
        for (var i = 0; i < sequences.Count; i++)
        {
            sql.Append(i == 0 ? "@s0" : $", @s{i}");
            Add(command, $"@s{i}", sequences[i]);
        }
        command.CommandText = sql.Append(')').ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found.Add(reader.GetInt64(0));
        return found;
    }

    public async Task InsertPingsAsync(long patrolId, IReadOnlyList<StoredPing> pings, DateTime receivedUtc, CancellationToken cancellationToken)
    {
        if (pings.Count == 0) return;
        if (_db.Database.IsSqlite()) await InsertRowByRowAsync(patrolId, pings, receivedUtc, cancellationToken);
        else await InsertAsValuesAsync(patrolId, pings, receivedUtc, cancellationToken);
    }

    private const string PingColumns =
        """INSERT INTO patrols_pings ("PatrolId", "Sequence", "TimeUtc", "ReceivedUtc", "Latitude", "Longitude", "AccuracyMetres", "SpeedMetresPerSecond", "X", "Y", "Inside") """;

    private const string SkipStored = """ ON CONFLICT ("PatrolId", "Sequence") DO NOTHING""";

    /// <summary>PostgreSQL: one multi-row VALUES insert (its parameters are bound by position), one round trip.</summary>
    private async Task InsertAsValuesAsync(long patrolId, IReadOnlyList<StoredPing> pings, DateTime receivedUtc, CancellationToken cancellationToken)
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

    /// <summary>
    /// SQLite: one prepared single-row insert run once per ping. SQLite runs in this process, so a statement per row costs
    /// no round trip; a multi-row statement costs more, as SQLite finds each named parameter by comparing its name with
    /// every name in the statement (550 for 50 pings).
    /// </summary>
    private async Task InsertRowByRowAsync(long patrolId, IReadOnlyList<StoredPing> pings, DateTime receivedUtc, CancellationToken cancellationToken)
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

    /// <summary>All the patrol's stored positions, in time order.</summary>
    public async Task<List<TrackPoint>> LoadPointsAsync(long patrolId, CancellationToken cancellationToken)
    {
        await using var command = Command(
            """SELECT "TimeUtc", "X", "Y", "AccuracyMetres" FROM patrols_pings WHERE "PatrolId" = @p ORDER BY "TimeUtc", "Sequence" """);
        Add(command, "@p", patrolId);
        var points = new List<TrackPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            points.Add(new TrackPoint(Utc(reader.GetDateTime(0)), reader.GetDouble(1), reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetDouble(3)));
        return points;
    }

    /// <summary>
    /// Replaces the patrol's derived rows from the given ordinals on (the rows before them are closed and unchanged),
    /// and writes the session's totals; one round trip.
    /// </summary>
    public async Task WriteDerivedAsync(PatrolState state, SessionTotals totals, DateTime? endedUtc, string? endReason, CancellationToken cancellationToken)
    {
        var deriver = state.Deriver;
        var spot = state.Shape;
        await using var command = Command("");
        var sql = new StringBuilder();
        Add(command, "@p", state.PatrolId);
        Add(command, "@vf", state.PersistedVisits);
        Add(command, "@sf", state.PersistedStops);
        Add(command, "@mf", state.PersistedStretches);
        Add(command, "@o", state.OfficerId);
        Add(command, "@h", state.HotspotId);
        sql.Append("""DELETE FROM patrols_visits WHERE "PatrolId" = @p AND "Ordinal" >= @vf; """);
        sql.Append("""DELETE FROM patrols_stops WHERE "PatrolId" = @p AND "Ordinal" >= @sf; """);
        sql.Append("""DELETE FROM patrols_stretches WHERE "PatrolId" = @p AND "Ordinal" >= @mf; """);

        var visits = deriver.Visits;
        for (var i = state.PersistedVisits; i < visits.Count; i++)
        {
            var v = visits[i];
            sql.Append($"""INSERT INTO patrols_visits ("Source", "PatrolId", "Ordinal", "SubjectId", "HotspotId", "EnteredUtc", "ExitedUtc", "Seconds", "Mode", "Open") VALUES (0, @p, @vo{i}, @o, @h, @ve{i}, @vx{i}, @vs{i}, @vm{i}, @vop{i}); """);
            Add(command, $"@vo{i}", i);
            Add(command, $"@ve{i}", v.EnteredUtc);
            Add(command, $"@vx{i}", v.ExitedUtc);
            Add(command, $"@vs{i}", v.Seconds);
            Add(command, $"@vm{i}", (int)deriver.ModeDuring(v));
            Add(command, $"@vop{i}", v.Open);
        }
        var stops = deriver.Stops;
        for (var i = state.PersistedStops; i < stops.Count; i++)
        {
            var s = stops[i];
            sql.Append($"""INSERT INTO patrols_stops ("PatrolId", "Ordinal", "StartUtc", "EndUtc", "X", "Y", "InSpot", "Open") VALUES (@p, @so{i}, @ss{i}, @se{i}, @sx{i}, @sy{i}, @si{i}, @sop{i}); """);
            Add(command, $"@so{i}", i);
            Add(command, $"@ss{i}", s.StartUtc);
            Add(command, $"@se{i}", s.EndUtc);
            Add(command, $"@sx{i}", s.X);
            Add(command, $"@sy{i}", s.Y);
            Add(command, $"@si{i}", spot.MetresOutside(s.X, s.Y) <= state.EdgeBufferMetres);
            Add(command, $"@sop{i}", s.Open);
        }
        var stretches = deriver.Stretches;
        for (var i = state.PersistedStretches; i < stretches.Count; i++)
        {
            var s = stretches[i];
            sql.Append($"""INSERT INTO patrols_stretches ("PatrolId", "Ordinal", "StartUtc", "EndUtc", "Mode", "Open") VALUES (@p, @mo{i}, @ms{i}, @me{i}, @mm{i}, @mop{i}); """);
            Add(command, $"@mo{i}", i);
            Add(command, $"@ms{i}", s.StartUtc);
            Add(command, $"@me{i}", s.EndUtc);
            Add(command, $"@mm{i}", (int)s.Mode);
            Add(command, $"@mop{i}", s.Open);
        }

        sql.Append("""
            UPDATE patrols_sessions SET "PingCount" = @tc, "LastPingUtc" = @tl, "MinutesInside" = @ti, "LastInside" = @tn,
              "VisitCount" = @tv, "KoperVisitCount" = @tk, "StopCount" = @ts, "FootMinutes" = @tf, "VehicleMinutes" = @tm
            """);
        Add(command, "@tc", totals.PingCount);
        Add(command, "@tl", totals.LastPingUtc);
        Add(command, "@ti", totals.MinutesInside);
        Add(command, "@tn", totals.Inside);
        Add(command, "@tv", totals.Visits);
        Add(command, "@tk", totals.KoperVisits);
        Add(command, "@ts", totals.Stops);
        Add(command, "@tf", totals.FootMinutes);
        Add(command, "@tm", totals.VehicleMinutes);
        if (endedUtc is not null)
        {
            sql.Append(""", "EndedUtc" = @te, "EndReason" = @tr""");
            Add(command, "@te", endedUtc);
            Add(command, "@tr", endReason);
        }
        sql.Append(""" WHERE "Id" = @p""");
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);

        state.PersistedVisits = deriver.ClosedVisits.Count;
        state.PersistedStops = deriver.ClosedStops.Count;
        state.PersistedStretches = deriver.ClosedStretches.Count;
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    private const string Savepoint = "batch";

    /// <summary>Marks the start of one batch of a group, so that a failed batch can be undone alone.</summary>
    public Task SavepointAsync(CancellationToken cancellationToken) => _transaction.CreateSavepointAsync(Savepoint, cancellationToken);

    public Task ReleaseSavepointAsync(CancellationToken cancellationToken) => _transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);

    public Task RollbackToSavepointAsync(CancellationToken cancellationToken) => _transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        _gate.Dispose();
        await _db.Database.CloseConnectionAsync();
    }

    private DbCommand Command(string sql)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _transaction.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    private static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

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
/// per ping batch (inserts with ON CONFLICT DO NOTHING work on SQLite and PostgreSQL alike). What differs by provider
/// (locking the session row, how pings are inserted) is in <see cref="SqliteTrackWrite"/> and
/// <see cref="PostgresTrackWrite"/>; the <see cref="TrackWriter"/> chosen at registration begins one or the other.
/// </summary>
internal abstract class TrackWrite : IAsyncDisposable
{
    private readonly PatrolsDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly IDisposable? _entered;

    protected TrackWrite(PatrolsDbContext db, IDbContextTransaction transaction, IDisposable? entered)
    {
        _db = db;
        _transaction = transaction;
        _entered = entered;
    }

    /// <summary>
    /// Opens the connection (and applies its settings) first, then enters the gate when there is one, so that the gate
    /// holds only the transaction; then begins the transaction.
    /// </summary>
    protected static async Task<T> BeginAsync<T>(
        PatrolsDbContext db, WriteGate? gate, Func<IDbContextTransaction, IDisposable?, T> create, CancellationToken cancellationToken)
        where T : TrackWrite
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        IDisposable? entered = null;
        try
        {
            if (gate is not null) entered = await gate.EnterAsync(cancellationToken);
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return create(transaction, entered);
        }
        catch
        {
            entered?.Dispose();
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    /// <summary>What the session read adds so that the row stays locked until the commit ("" where the writers queue).</summary>
    protected abstract string LockSession { get; }

    public async Task<SessionRow?> ReadSessionAsync(long patrolId, CancellationToken cancellationToken)
    {
        await using var command = Command(
            """SELECT "OfficerId", "HotspotId", "StartedUtc", "EndedUtc", "PingCount", "LastPingUtc", "PolygonWkb" FROM patrols_sessions WHERE "Id" = @id"""
            + LockSession);
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
        if (pings.Count > 0) await InsertAsync(patrolId, pings, receivedUtc, cancellationToken);
    }

    /// <summary>Inserts the pings, skipping sequence numbers already stored.</summary>
    protected abstract Task InsertAsync(long patrolId, IReadOnlyList<StoredPing> pings, DateTime receivedUtc, CancellationToken cancellationToken);

    protected const string PingColumns =
        """INSERT INTO patrols_pings ("PatrolId", "Sequence", "TimeUtc", "ReceivedUtc", "Latitude", "Longitude", "AccuracyMetres", "SpeedMetresPerSecond", "X", "Y", "Inside") """;

    protected const string SkipStored = """ ON CONFLICT ("PatrolId", "Sequence") DO NOTHING""";

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

    /// <summary>The stretches the page reported it could not measure.</summary>
    public async Task<List<TimeStretch>> LoadUnobservedAsync(long patrolId, CancellationToken cancellationToken)
    {
        await using var command = Command("""SELECT "StartUtc", "EndUtc" FROM patrols_unobserved WHERE "PatrolId" = @p""");
        Add(command, "@p", patrolId);
        var stretches = new List<TimeStretch>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) stretches.Add(new TimeStretch(Utc(reader.GetDateTime(0)), Utc(reader.GetDateTime(1))));
        return stretches;
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

    protected IDbContextTransaction Transaction => _transaction;

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        _entered?.Dispose();
        await _db.Database.CloseConnectionAsync();
    }

    protected DbCommand Command(string sql)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _transaction.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    protected static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace HotSpots.Modules.Ingestion.Storage;

/// <summary>
/// A statement prepared once on the connection's native handle and bound by position for each row. Microsoft.Data.Sqlite
/// looks every parameter up by name on every execution, which costs more than the insert itself at hundreds of
/// thousands of rows; the native calls run inside the connection's open transaction all the same.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly (DateTime Value, string Text)[] _lastTimes = new (DateTime, string)[32];

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public SqliteStatement Text(int index, string? value)
    {
        // Bound as UTF-16 from the string itself: no UTF-8 copy per value (SQLite converts while copying).
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));
        return this;
    }

    public SqliteStatement Integer(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    public SqliteStatement Real(int index, double? value)
    {
        Check(value is { } v ? raw.sqlite3_bind_double(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>As EF Core stores a DateTime in SQLite, so that its queries compare these values correctly.</summary>
    public SqliteStatement Time(int index, DateTime? value)
    {
        if (value is not { } time) return Text(index, null);
        ref var last = ref _lastTimes[index];
        if (last.Text is null || last.Value != time) last = (time, time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        return Text(index, last.Text);
    }

    /// <summary>Runs the statement; true when it returned a row (read it with <see cref="Column"/>), false when done.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE) Check(rc);
        return false;
    }

    public long Column(int index) => raw.sqlite3_column_int64(_statement, index);

    public string String(int index) => raw.sqlite3_column_text(_statement, index).utf8_to_string();

    /// <summary>Runs a statement that returns no rows (or ignores them), then makes it ready for the next row.</summary>
    public void Execute()
    {
        Step();
        Reset();
    }

    public void Reset() => raw.sqlite3_reset(_statement);

    public long LastInsertedId => raw.sqlite3_last_insert_rowid(_db);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_ROW && rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement?.Dispose();
}

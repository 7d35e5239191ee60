using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace HotSpots.Modules.Ingestion.Storage;

/// <summary>
/// A statement prepared once on the connection's native handle and bound by position for each row. Microsoft.Data.Sqlite
/// looks every parameter up by name on every execution, which costs more than the insert itself at hundreds of
/// thousands of rows; the native calls run inside the connection's open transaction all the same.
/// Values are bound through <see cref="Native"/>: texts are encoded to UTF-8 here into a pinned buffer per parameter
/// that SQLite reads in place, instead of SQLite copying and converting each one.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly nint _handle;
    private readonly byte[]?[] _texts;
    private readonly (DateTime Value, string Text)[] _lastTimes;
    private byte[] _columnBytes = [];
    private char[] _columnChars = [];

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _handle = _statement.DangerousGetHandle();
        var parameters = raw.sqlite3_bind_parameter_count(_statement) + 1;
        _texts = new byte[]?[parameters];
        _lastTimes = new (DateTime, string)[parameters];
    }

    /// <summary>The text stays in this parameter's buffer until the parameter is bound again, so SQLite need not copy it.</summary>
    public SqliteStatement Text(int index, string? value)
    {
        if (value is null) return Null(index);
        ref var buffer = ref _texts[index];
        if (buffer is null || buffer.Length < value.Length * 3)
            buffer = GC.AllocateUninitializedArray<byte>(Math.Max(256, (int)BitOperations.RoundUpToPowerOf2((uint)value.Length * 3)), pinned: true);
        var bytes = Encoding.UTF8.GetBytes(value, buffer);
        Check(Native.sqlite3_bind_text(_handle, index, Marshal.UnsafeAddrOfPinnedArrayElement(buffer, 0), bytes, Native.Static));
        return this;
    }

    public SqliteStatement Integer(int index, long value)
    {
        Check(Native.sqlite3_bind_int64(_handle, index, value));
        return this;
    }

    public SqliteStatement Real(int index, double? value)
    {
        if (value is not { } v) return Null(index);
        Check(Native.sqlite3_bind_double(_handle, index, v));
        return this;
    }

    private SqliteStatement Null(int index)
    {
        Check(Native.sqlite3_bind_null(_handle, index));
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
        var rc = Native.sqlite3_step(_handle);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE) Check(rc);
        return false;
    }

    public long Column(int index) => Native.sqlite3_column_int64(_handle, index);

    public string String(int index) =>
        Marshal.PtrToStringUTF8(Native.sqlite3_column_text(_handle, index), Native.sqlite3_column_bytes(_handle, index));

    /// <summary>A text column's characters without making a string; they hold until the next call.</summary>
    public ReadOnlySpan<char> Chars(int index)
    {
        var text = Native.sqlite3_column_text(_handle, index);
        var length = Native.sqlite3_column_bytes(_handle, index);
        if (_columnBytes.Length < length) (_columnBytes, _columnChars) = (new byte[length], new char[length]);
        Marshal.Copy(text, _columnBytes, 0, length);
        return _columnChars.AsSpan(0, Encoding.UTF8.GetChars(_columnBytes.AsSpan(0, length), _columnChars));
    }

    /// <summary>Runs a statement that returns no rows (or ignores them), then makes it ready for the next row.</summary>
    public void Execute()
    {
        Step();
        Reset();
    }

    public void Reset() => Native.sqlite3_reset(_handle);

    public long LastInsertedId => raw.sqlite3_last_insert_rowid(_db);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_ROW && rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement?.Dispose();

    /// <summary>
    /// SQLite's own functions, from the library Microsoft.Data.Sqlite loads. Binding and reading a column are short and
    /// never call back, so they skip the runtime's transition to native code; stepping may wait on disk and keeps it.
    /// </summary>
    private static class Native
    {
        private const string Library = "e_sqlite3";

        /// <summary>SQLITE_STATIC: the caller keeps the text alive while it is bound.</summary>
        public const nint Static = 0;

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_bind_text(nint statement, int index, nint text, int bytes, nint destructor);

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_bind_int64(nint statement, int index, long value);

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_bind_double(nint statement, int index, double value);

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_bind_null(nint statement, int index);

        [DllImport(Library), SuppressGCTransition]
        public static extern long sqlite3_column_int64(nint statement, int index);

        [DllImport(Library), SuppressGCTransition]
        public static extern nint sqlite3_column_text(nint statement, int index);

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_column_bytes(nint statement, int index);

        [DllImport(Library)]
        public static extern int sqlite3_step(nint statement);

        [DllImport(Library)]
        public static extern int sqlite3_reset(nint statement);
    }
}

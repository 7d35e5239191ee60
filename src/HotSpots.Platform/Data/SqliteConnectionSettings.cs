using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HotSpots.Platform.Data;

/// <summary>
/// Per-connection SQLite settings. WAL is set once on the file; synchronous=NORMAL is safe in WAL against a
/// killed process (a committed transaction survives kill -9), and busy_timeout makes writers wait instead of failing.
/// The log is copied into the file once it holds about 4 MB, as SQLite does by default with 4 KB pages: a database with
/// larger pages (16 KB, as this version makes them) would otherwise copy four times as much inside a single commit, which
/// that commit's callers wait for.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    /// <summary>SQLite's default: a checkpoint when the log passes 1,000 pages of 4 KB.</summary>
    private const int CheckpointBytes = 1000 * 4096;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.CommandText = "PRAGMA page_size;";
        command.CommandText = CheckpointPragma(await command.ExecuteScalarAsync(cancellationToken));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        command.CommandText = "PRAGMA page_size;";
        command.CommandText = CheckpointPragma(command.ExecuteScalar());
        command.ExecuteNonQuery();
    }

    private static string CheckpointPragma(object? pageSize) => $"PRAGMA wal_autocheckpoint={CheckpointBytes / Convert.ToInt32(pageSize)};";
}

using System.Data.Common;
using HotSpots.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HotSpots.Platform.Revisions;

/// <summary>Reads the revisions of every kind of data from the database.</summary>
public interface IRevisionReader
{
    /// <summary>
    /// The revisions as committed when this call was made, or later: the answer comes from a read of the database that
    /// began after the call, so it counts every write that had committed before it (one small query, shared by the
    /// callers that arrive while it waits to begin).
    /// </summary>
    Task<RevisionReading> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One read of <c>platform_revisions</c> (a row per kind) at a time, on a connection of its own: callers that arrive
/// while a read is in flight wait for the next one, which begins when it ends and answers them all. Each caller still
/// gets a read begun after it came, and under load the database sees one small query per round trip instead of one per
/// request.
/// </summary>
internal sealed class RevisionReader(DatabaseSettings database) : IRevisionReader, IDisposable
{
    private const string Sql = "SELECT \"Kind\", \"Number\" FROM platform_revisions";

    private readonly Lock _gate = new();
    private bool _reading;
    private TaskCompletionSource<RevisionReading>? _waiting;

    // Used by one read at a time (the loop below), opened on first use and again after a failure.
    private DbConnection? _connection;
    private DbCommand? _command;

    public Task<RevisionReading> ReadAsync(CancellationToken cancellationToken)
    {
        // A caller who gives up before its read begins stops here; once it has begun the read is short, and shared.
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<RevisionReading> mine;
        lock (_gate)
        {
            if (_reading)
            {
                _waiting ??= new TaskCompletionSource<RevisionReading>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _waiting.Task;
            }
            _reading = true;
            mine = new TaskCompletionSource<RevisionReading>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _ = ReadForAsync(mine);
        return mine.Task;
    }

    /// <summary>Reads for the callers of <paramref name="callers"/>, then for those who came meanwhile, until none wait.</summary>
    private async Task ReadForAsync(TaskCompletionSource<RevisionReading> callers)
    {
        while (true)
        {
            try
            {
                callers.SetResult(await QueryAsync());
            }
            catch (Exception e)
            {
                Close();
                callers.SetException(e);
            }
            lock (_gate)
            {
                if (_waiting is null)
                {
                    _reading = false;
                    return;
                }
                callers = _waiting;
                _waiting = null;
            }
            // The first read may have run on the first caller's thread (SQLite reads complete at once): give it back.
            await Task.Yield();
        }
    }

    private async Task<RevisionReading> QueryAsync()
    {
        var command = _command ?? await OpenAsync();
        var numbers = new Dictionary<string, long>(StringComparer.Ordinal);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite runs in this process: a read never waits on a network, and the synchronous path costs less.
            using var reader = command.ExecuteReader();
            while (reader.Read()) numbers[reader.GetString(0)] = reader.GetInt64(1);
        }
        else
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) numbers[reader.GetString(0)] = reader.GetInt64(1);
        }
        return new RevisionReading(numbers);
    }

    private async Task<DbCommand> OpenAsync()
    {
        Close();
        DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync();
            if (connection is SqliteConnection) SqliteConnectionSettings.Apply(connection);
            var command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.PrepareAsync();
            (_connection, _command) = (connection, command);
            return command;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private void Close()
    {
        _command?.Dispose();
        _connection?.Dispose();
        (_connection, _command) = (null, null);
    }

    public void Dispose()
    {
        lock (_gate) Close();
    }
}

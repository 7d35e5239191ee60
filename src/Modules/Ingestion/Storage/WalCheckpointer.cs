using System.Threading.Channels;
using HotSpots.Platform.Data;
using Microsoft.Data.Sqlite;

namespace HotSpots.Modules.Ingestion.Storage;

/// <summary>
/// Copies an import's committed pages from SQLite's write-ahead log into the database file on a connection and thread
/// of its own, while the import writes its next batches. Otherwise the writer itself stops after a commit to copy the
/// log and wait for its flushes to disk, about a fifth of a large import's time. A passive checkpoint never blocks the
/// writer or readers; what it has not copied yet stays safe in the log.
/// </summary>
internal sealed class WalCheckpointer : IAsyncDisposable
{
    private readonly Channel<bool> _commits = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Task _copying;

    public WalCheckpointer(string connectionString) =>
        _copying = Task.Factory.StartNew(() => Copy(connectionString), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Asks for a checkpoint; commits made while one runs are copied by the next.</summary>
    public void Committed() => _commits.Writer.TryWrite(true);

    /// <summary>
    /// Stops at the first failure (a full disk, say): the import's own connection then checkpoints as usual, and what
    /// was not copied is still in the log, so nothing is lost.
    /// </summary>
    private void Copy(string connectionString)
    {
        try { CopyUntilDone(connectionString); }
        catch (SqliteException) { _commits.Writer.TryComplete(); }
    }

    private void CopyUntilDone(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        SqliteConnectionSettings.Apply(connection);
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        while (_commits.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            _commits.Reader.TryRead(out _);
            checkpoint.ExecuteNonQuery();
        }
    }

    /// <summary>Copies what the last commits left, and stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _commits.Writer.TryComplete();
        await _copying;
    }
}

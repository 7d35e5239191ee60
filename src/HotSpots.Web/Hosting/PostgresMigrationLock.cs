using Npgsql;

namespace HotSpots.Web.Hosting;

/// <summary>
/// A session-level PostgreSQL advisory lock held while this node migrates (and does the rest of its first-start work,
/// DatabaseStartup). A node that finds it taken says so and waits as long as the other node needs, without a timeout:
/// a demo seed or a long migration on a busy server can take minutes.
/// </summary>
internal sealed class PostgresMigrationLock : IAsyncDisposable
{
    private const long Key = 0x486F7453706F7473; // "HotSpots"
    private readonly NpgsqlConnection _connection;

    private PostgresMigrationLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<PostgresMigrationLock> AcquireAsync(string connectionString, ILogger? log, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        try
        {
            await using (var attempt = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
            {
                attempt.Parameters.AddWithValue("key", Key);
                if (await attempt.ExecuteScalarAsync(cancellationToken) is true) return new PostgresMigrationLock(connection);
            }
            log?.LogInformation("Another node is preparing the database (migrations, or the demo seed): waiting for it to finish.");
            await using var wait = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            wait.Parameters.AddWithValue("key", Key);
            await wait.ExecuteNonQueryAsync(cancellationToken);
            return new PostgresMigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection))
        {
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
        await _connection.DisposeAsync();
    }
}

using Npgsql;

namespace HotSpots.Web.Hosting;

/// <summary>A session-level PostgreSQL advisory lock held while this node applies migrations.</summary>
internal sealed class PostgresMigrationLock : IAsyncDisposable
{
    private const long Key = 0x486F7453706F7473; // "HotSpots"
    private readonly NpgsqlConnection _connection;

    private PostgresMigrationLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<PostgresMigrationLock> AcquireAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", Key);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new PostgresMigrationLock(connection);
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

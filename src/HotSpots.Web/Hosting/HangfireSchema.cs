using System.Data;
using System.Globalization;
using Hangfire.PostgreSql;
using Npgsql;

namespace HotSpots.Web.Hosting;

/// <summary>
/// Hangfire's tables on PostgreSQL, installed or upgraded by the node that migrates (under the migration lock), not by
/// the storage as it is made: two nodes starting at once would otherwise install them side by side. On a new database
/// the scripts that come with Hangfire.PostgreSql are run here in its order, because its installer first reads the
/// version table that does not exist yet, and that failed statement is an error in the server's log.
/// </summary>
internal static class HangfireSchema
{
    public const string Name = "hangfire";
    private const int FirstScript = 3; // Hangfire.PostgreSql's scripts start at version 3; the version table starts at 1.

    public static async Task InstallAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('\"{Name}\".\"schema\"') IS NOT NULL", connection))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is true)
            {
                // Installed: the installer reads the version and runs only newer scripts.
                PostgreSqlObjectsInstaller.Install(connection, Name);
                return;
            }
        }
        var assembly = typeof(PostgreSqlObjectsInstaller).Assembly;
        var previous = 1;
        for (var version = FirstScript; ; version++)
        {
            await using var stream = assembly.GetManifestResourceStream(
                $"Hangfire.PostgreSql.Scripts.Install.v{version.ToString(CultureInfo.InvariantCulture)}.sql");
            if (stream is null) break;
            var script = await new StreamReader(stream).ReadToEndAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            await using var command = new NpgsqlCommand(
                $"{script}; UPDATE \"{Name}\".\"schema\" SET \"version\" = @version WHERE \"version\" = @previous", connection, transaction);
            command.CommandTimeout = 120;
            command.Parameters.AddWithValue("version", version);
            command.Parameters.AddWithValue("previous", previous);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            previous = version;
        }
        if (previous == 1) throw new InvalidOperationException("Hangfire.PostgreSql holds no install scripts: its version is not one this build knows.");
    }
}

using HotSpots.Platform.Data;
using Microsoft.Data.Sqlite;

namespace HotSpots.Platform.Tests;

/// <summary>Every connection copies the log into the file at about 4 MB, whatever the file's page size.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hotspots-settings-").FullName;

    [Theory]
    [InlineData(4096, 1000)]
    [InlineData(16384, 250)]
    public void The_log_is_checkpointed_at_about_four_megabytes(int pageSize, long pages)
    {
        var file = Path.Combine(_folder, $"pages-{pageSize}.db");
        using (var create = Open(file))
            Scalar(create, $"PRAGMA page_size={pageSize}; PRAGMA journal_mode=WAL;").ShouldBe("wal");

        using var connection = Open(file);
        Scalar(connection, "PRAGMA wal_autocheckpoint = 7;");
        SqliteConnectionSettings.Apply(connection);

        Scalar(connection, "PRAGMA page_size;").ShouldBe(pageSize);
        Scalar(connection, "PRAGMA wal_autocheckpoint;").ShouldBe(pages);
        Scalar(connection, "PRAGMA synchronous;").ShouldBe(1L);
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

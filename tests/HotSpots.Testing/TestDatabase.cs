using Npgsql;

namespace HotSpots.Testing;

/// <summary>
/// A fresh database for one test: a SQLite file in a temp folder, or a new database on the PostgreSQL server
/// that HOTSPOTS_TEST_POSTGRES points at (./test.sh starts a private one on 127.0.0.1).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "HOTSPOTS_TEST_POSTGRES";

    private readonly string? _postgresName;

    private TestDatabase(string provider, TempDirectory folder, string? connectionString, string? postgresName)
    {
        Provider = provider;
        Folder = folder;
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    /// <summary>"Sqlite" or "Postgres".</summary>
    public string Provider { get; }

    /// <summary>The data directory (SQLite file, keys, uploads).</summary>
    public TempDirectory Folder { get; }

    /// <summary>Null for SQLite: the app builds it from the data directory.</summary>
    public string? ConnectionString { get; }

    public static IEnumerable<object[]> Providers => [["Sqlite"], ["Postgres"]];

    public static TestDatabase Create(string provider)
    {
        var folder = new TempDirectory();
        if (provider == "Sqlite") return new TestDatabase(provider, folder, null, null);
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: PostgreSQL tests need a server. Run ./test.sh, which starts a private one, " +
                $"or set {PostgresVariable} to a connection string of a user who may create databases.");
        var name = $"hotspots_test_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            create.ExecuteNonQuery();
        }
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(provider, folder, connection, name);
    }

    /// <summary>The settings that point the app at this database.</summary>
    public IDictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["HOTSPOTS_DATA_DIR"] = Folder.Path,
            ["Database:Provider"] = Provider,
        };
        if (ConnectionString is not null) settings["Database:ConnectionString"] = ConnectionString;
        return settings;
    }

    public void Dispose()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
        Folder.Dispose();
    }
}

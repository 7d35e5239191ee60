using Microsoft.Extensions.Configuration;

namespace HotSpots.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives: the data directory, and which database server.</summary>
public sealed class DatabaseSettings
{
    public required DatabaseProvider Provider { get; init; }

    /// <summary>Folder for runtime state: the SQLite files, keys, uploads. Git ignores it.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// Folder for files every app node must read: uploads waiting to be imported and the token signing keys. The data
    /// directory unless "SharedDirectory" (or HOTSPOTS_SHARED_DIR) names a folder every node mounts (several nodes).
    /// </summary>
    public required string SharedDirectory { get; init; }

    /// <summary>Connection string: for SQLite built from the data directory unless given.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// Reads "Database:Provider" (Sqlite or Postgres), "Database:ConnectionString" and the data directory
    /// from HOTSPOTS_DATA_DIR or "DataDirectory" (default: ./hotspots-data).
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(
            configuration["HOTSPOTS_DATA_DIR"] ?? configuration["DataDirectory"] ?? "hotspots-data");
        var providerText = configuration["Database:Provider"] ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
            throw new InvalidOperationException(
                $"Setting Database:Provider is '{providerText}'; it must be Sqlite or Postgres.");
        var connectionString = configuration["Database:ConnectionString"];
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "Setting Database:ConnectionString is required when Database:Provider is Postgres.");
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
            connectionString = $"Data Source={Path.Combine(dataDirectory, "hotspots.db")};Default Timeout=30";
        return new DatabaseSettings
        {
            Provider = provider,
            DataDirectory = dataDirectory,
            SharedDirectory = Path.GetFullPath(configuration["HOTSPOTS_SHARED_DIR"] ?? configuration["SharedDirectory"] ?? dataDirectory),
            ConnectionString = connectionString!,
        };
    }
}

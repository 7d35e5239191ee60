using HotSpots.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HotSpots.Web.Cli;

/// <summary>The line every verb prints on standard error first: which database it uses, and which data directory and why.</summary>
internal static class DatabaseNote
{
    /// <summary>Set by run.sh when HOTSPOTS_DATA_DIR was not set and it chose the clone's .data folder.</summary>
    public const string DefaultedVariable = "HOTSPOTS_DATA_DIR_DEFAULTED";

    /// <summary>Read before the data directory is made, so that it can say when this command makes it.</summary>
    public static string Describe(IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        var why = configuration["HOTSPOTS_DATA_DIR"] is not null
            ? Environment.GetEnvironmentVariable(DefaultedVariable) == "1"
                ? "HOTSPOTS_DATA_DIR is not set, so run.sh used the .data folder of the clone"
                : "from HOTSPOTS_DATA_DIR"
            : configuration["DataDirectory"] is not null
                ? "from the setting DataDirectory"
                : "HOTSPOTS_DATA_DIR is not set, so the hotspots-data folder of the current folder";
        var directory = $"data directory {settings.DataDirectory}{(Directory.Exists(settings.DataDirectory) ? "" : ", made now")}; {why}";
        if (settings.Provider == DatabaseProvider.Sqlite)
            return $"Database: SQLite file {new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource} ({directory}).";
        var postgres = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        return $"Database: PostgreSQL database {postgres.Database} on {postgres.Host}:{postgres.Port} as {postgres.Username} ({directory}).";
    }
}

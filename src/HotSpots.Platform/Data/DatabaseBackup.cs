using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace HotSpots.Platform.Data;

/// <summary>
/// Online backups of the SQLite files with SQLite's backup API (a consistent copy while the app keeps writing,
/// never a file copy), and their restore into a stopped data directory. PostgreSQL is backed up with pg_dump.
/// </summary>
public sealed class DatabaseBackup(DatabaseSettings settings, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Files = ["hotspots.db", "hangfire.db"];
    private const string Manifest = "backup.json";

    public async Task<BackupManifest> BackupAsync(string folder, CancellationToken cancellationToken)
    {
        RequireSqlite("back up");
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new InvalidOperationException($"{folder} is not empty: give a new or empty folder for the backup.");
        Directory.CreateDirectory(folder);
        var files = new List<BackupFile>();
        foreach (var name in Files)
        {
            var source = Path.Combine(settings.DataDirectory, name);
            if (!File.Exists(source)) continue;
            var target = Path.Combine(folder, name);
            await using (var from = new SqliteConnection($"Data Source={source};Mode=ReadOnly;Pooling=False"))
            await using (var to = new SqliteConnection($"Data Source={target};Pooling=False"))
            {
                await from.OpenAsync(cancellationToken);
                await to.OpenAsync(cancellationToken);
                from.BackupDatabase(to);
                await CheckIntegrityAsync(to, target, cancellationToken);
            }
            files.Add(new BackupFile(name, new FileInfo(target).Length, await HashAsync(target, cancellationToken)));
        }
        if (files.Count == 0) throw new InvalidOperationException($"There is no database in {settings.DataDirectory} to back up.");
        var manifest = new BackupManifest(clock.GetUtcNow().UtcDateTime, settings.DataDirectory, files);
        await File.WriteAllTextAsync(Path.Combine(folder, Manifest), JsonSerializer.Serialize(manifest, Json), cancellationToken);
        return manifest;
    }

    /// <summary>Restores a backup into the data directory; the files it replaces are kept in a "before-restore" folder.</summary>
    public async Task<string> RestoreAsync(string folder, CancellationToken cancellationToken)
    {
        RequireSqlite("restore");
        var manifestPath = Path.Combine(folder, Manifest);
        if (!File.Exists(manifestPath)) throw new InvalidOperationException($"{folder} holds no HotSpots backup ({Manifest} is missing).");
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken), Json)
            ?? throw new InvalidOperationException($"{manifestPath} cannot be read.");
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(folder, file.Name);
            if (!File.Exists(path) || await HashAsync(path, cancellationToken) != file.Sha256)
                throw new InvalidOperationException($"{path} is missing or does not match the backup's checksum: the backup is damaged.");
        }

        using var exclusive = DataDirectoryLock.Acquire(settings.DataDirectory, "restore a backup");
        SqliteConnection.ClearAllPools();
        var kept = Path.Combine(settings.DataDirectory, $"before-restore-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}");
        foreach (var name in Files)
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                var current = Path.Combine(settings.DataDirectory, name + suffix);
                if (!File.Exists(current)) continue;
                Directory.CreateDirectory(kept);
                File.Move(current, Path.Combine(kept, name + suffix));
            }
        foreach (var file in manifest.Files)
            File.Copy(Path.Combine(folder, file.Name), Path.Combine(settings.DataDirectory, file.Name));
        return kept;
    }

    private void RequireSqlite(string what)
    {
        if (settings.Provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException($"This instance runs on PostgreSQL: {what} it with pg_dump and pg_restore (docs/operations.md).");
    }

    private static async Task CheckIntegrityAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        var result = (string?)await check.ExecuteScalarAsync(cancellationToken);
        if (result != "ok") throw new InvalidOperationException($"The backup {path} failed SQLite's integrity check: {result}");
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

public sealed record BackupManifest(DateTime CreatedUtc, string FromDataDirectory, IReadOnlyList<BackupFile> Files);

public sealed record BackupFile(string Name, long Bytes, string Sha256);

using Hangfire;
using HotSpots.Platform;
using HotSpots.Platform.Data;

namespace HotSpots.Web.Operations;

/// <summary>Settings section "Backup": the scheduled online backup of the SQLite files.</summary>
internal sealed class BackupOptions
{
    /// <summary>Cron schedule; empty turns the scheduled backup off.</summary>
    public string Cron { get; set; } = "30 2 * * *";

    /// <summary>Folder the backups go into, one sub-folder per backup (default: backups in the data directory).</summary>
    public string? Folder { get; set; }

    /// <summary>How many scheduled backups to keep; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;

    public static BackupOptions From(IConfiguration configuration) =>
        configuration.GetSection("Backup").Get<BackupOptions>() ?? new BackupOptions();
}

internal sealed class BackupJobs(BackupOptions options, DatabaseSettings database) : IRecurringJobs
{
    public void Register(IRecurringJobManager jobs)
    {
        if (database.Provider == DatabaseProvider.Sqlite && !string.IsNullOrWhiteSpace(options.Cron))
            jobs.AddOrUpdate<ScheduledBackupJob>(ScheduledBackupJob.Id, j => j.RunAsync(CancellationToken.None), options.Cron);
        else
            jobs.RemoveIfExists(ScheduledBackupJob.Id);
    }
}

/// <summary>The scheduled backup (Hangfire recurring job "backup"): a new timestamped folder, then the oldest beyond the retention count removed.</summary>
internal sealed class ScheduledBackupJob(DatabaseBackup backup, BackupOptions options, DatabaseSettings database, TimeProvider clock, ILogger<ScheduledBackupJob> log)
{
    public const string Id = "backup";
    private const string Prefix = "hotspots-";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var root = options.Folder ?? Path.Combine(database.DataDirectory, "backups");
        var folder = Path.Combine(root, $"{Prefix}{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}");
        var manifest = await backup.BackupAsync(folder, cancellationToken);
        log.LogInformation("Backup written to {Folder}: {Bytes} bytes", folder, manifest.Files.Sum(f => f.Bytes));
        foreach (var old in Directory.GetDirectories(root, $"{Prefix}*").Order(StringComparer.Ordinal).SkipLast(Math.Max(1, options.Keep)))
        {
            Directory.Delete(old, recursive: true);
            log.LogInformation("Old backup {Folder} removed (keeping {Keep})", old, options.Keep);
        }
    }
}

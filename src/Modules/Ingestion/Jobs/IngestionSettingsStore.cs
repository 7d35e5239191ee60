using HotSpots.Modules.Ingestion.Area;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Data;
using HotSpots.Platform.Settings;
using Microsoft.Extensions.Configuration;

namespace HotSpots.Modules.Ingestion.Jobs;

/// <summary>The module's run-time settings: the watched folder and the force boundary (settings store over appsettings).</summary>
internal sealed class IngestionSettingsStore(ISettingsStore settings, IConfiguration configuration, DatabaseSettings database)
{
    public const string WatchFolderKey = "Ingestion:WatchFolder";
    public const long DefaultMaxUploadBytes = 256L << 20;

    public async Task<IngestionSettings> GetAsync(CancellationToken cancellationToken) => new(
        await settings.GetAsync<string?>(WatchFolderKey, configuration[WatchFolderKey], cancellationToken),
        await settings.GetAsync<string?>(ForceBoundary.SettingKey, configuration[ForceBoundary.SettingKey], cancellationToken),
        configuration.GetValue("Ingestion:MaxUploadBytes", DefaultMaxUploadBytes));

    public async Task SetWatchFolderAsync(string? folder, string changedBy, CancellationToken cancellationToken)
    {
        folder = string.IsNullOrWhiteSpace(folder) ? null : FullPath(folder.Trim());
        if (folder is not null && !Directory.Exists(folder)) throw new ValidationException($"The folder {folder} does not exist on the server.");
        await settings.SetAsync(WatchFolderKey, folder, changedBy, cancellationToken);
    }

    private static string FullPath(string folder)
    {
        try
        {
            return Path.GetFullPath(folder);
        }
        catch (ArgumentException)
        {
            throw new ValidationException($"The watched folder '{folder}' is not a path this server can use.");
        }
    }

    /// <summary>
    /// Checks the GeoJSON, keeps it in the shared directory (every node's imports read it; on one server it is the data
    /// directory) and makes it the force boundary; null removes the boundary.
    /// </summary>
    public async Task SetBoundaryAsync(Stream? geoJson, string changedBy, CancellationToken cancellationToken)
    {
        if (geoJson is null)
        {
            await settings.SetAsync<string?>(ForceBoundary.SettingKey, null, changedBy, cancellationToken);
            return;
        }
        var folder = Path.Combine(database.SharedDirectory, "boundary");
        Directory.CreateDirectory(folder);
        var candidate = Path.Combine(folder, $"upload-{Guid.NewGuid():N}.geojson");
        await using (var file = File.Create(candidate)) await geoJson.CopyToAsync(file, cancellationToken);
        try
        {
            ForceBoundary.Read(candidate);
        }
        catch (InvalidOperationException e)
        {
            File.Delete(candidate);
            throw new ValidationException(e.Message);
        }
        var path = Path.Combine(folder, "force-boundary.geojson");
        File.Move(candidate, path, overwrite: true);
        await settings.SetAsync(ForceBoundary.SettingKey, path, changedBy, cancellationToken);
    }
}

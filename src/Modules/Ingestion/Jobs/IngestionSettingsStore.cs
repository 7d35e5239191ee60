using HotSpots.Modules.Ingestion.Area;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Data;
using HotSpots.Platform.Settings;
using Microsoft.Extensions.Configuration;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace HotSpots.Modules.Ingestion.Jobs;

/// <summary>
/// The module's run-time settings: the watched folder (inside the import root, <see cref="ImportRoot"/>) and the force
/// boundary (settings store over appsettings).
/// </summary>
internal sealed class IngestionSettingsStore(
    ISettingsStore settings, IConfiguration configuration, DatabaseSettings database, ImportRoot root, IAuditLog audit)
{
    public const string WatchFolderKey = "Ingestion:WatchFolder";
    public const long DefaultMaxUploadBytes = 256L << 20;

    /// <summary>What the audit log calls a path the watched folder may not use (set by a person, or met by the job).</summary>
    public const string RefusedAction = "watch-folder.refused";

    public async Task<IngestionSettings> GetAsync(CancellationToken cancellationToken) => new(
        await settings.GetAsync<string?>(WatchFolderKey, configuration[WatchFolderKey], cancellationToken),
        await settings.GetAsync<string?>(ForceBoundary.SettingKey, configuration[ForceBoundary.SettingKey], cancellationToken),
        configuration.GetValue("Ingestion:MaxUploadBytes", DefaultMaxUploadBytes),
        root.Path);

    /// <summary>
    /// Sets the watched folder: a folder inside the import root, by its full path or relative to the root. Any other is
    /// refused with the reason, and the refusal is audited (who, the path as typed, why).
    /// </summary>
    public async Task SetWatchFolderAsync(string? folder, string changedBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            await settings.SetAsync<string?>(WatchFolderKey, null, changedBy, cancellationToken);
            return;
        }
        string full;
        try
        {
            // The default root lives in the app's own shared directory: made when first needed.
            if (!Directory.Exists(root.Path)) Directory.CreateDirectory(root.Path);
            full = root.Resolve(folder);
        }
        catch (RefusedPathException e)
        {
            await audit.RecordAsync(new AuditEntry(changedBy, RefusedAction, Clip(folder.Trim()), Details: e.Message), cancellationToken);
            throw new ValidationException(e.Message);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new ValidationException(e is DirectoryNotFoundException
                ? $"The folder {folder.Trim()} does not exist on the server (inside the import root {root.Path})."
                : $"The watched folder '{folder.Trim()}' is not a path this server can use ({e.Message}).");
        }
        await settings.SetAsync(WatchFolderKey, full, changedBy, cancellationToken);
    }

    /// <summary>The boundary's outer rings, simplified for a map (about 20 m: 0.0002°), or null when none is set.</summary>
    public async Task<BoundaryOutline?> GetBoundaryOutlineAsync(CancellationToken cancellationToken)
    {
        var file = (await GetAsync(cancellationToken)).BoundaryFile;
        if (string.IsNullOrWhiteSpace(file)) return null;
        Geometry area;
        try
        {
            area = ForceBoundary.Read(Path.GetFullPath(file, database.DataDirectory));
        }
        catch (InvalidOperationException e)
        {
            throw new ValidationException(e.Message);
        }
        var simplified = TopologyPreservingSimplifier.Simplify(area, 0.0002);
        var rings = new List<IReadOnlyList<LatLon>>();
        for (var i = 0; i < simplified.NumGeometries; i++)
            if (simplified.GetGeometryN(i) is Polygon polygon)
                rings.Add(polygon.ExteriorRing.Coordinates.Select(c => new LatLon(Math.Round(c.Y, 5), Math.Round(c.X, 5))).ToList());
        return new BoundaryOutline(rings);
    }

    /// <summary>The audit log keeps subjects to 256 characters.</summary>
    public static string Clip(string text) => text.Length <= 256 ? text : text[..255] + "…";

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

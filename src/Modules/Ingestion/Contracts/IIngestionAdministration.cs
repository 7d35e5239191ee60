namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>
/// How ingestion is set up, for the analysts' and administrators' pages: mapping profiles, harm weights, the watched
/// folder and force boundary, and how long personal data and import history are kept. Every change is written to the
/// audit log with who made it. For the web host only; no other module may use it (the architecture tests hold this).
/// </summary>
public interface IIngestionAdministration
{
    /// <summary>Saved mapping profiles, the shipped ones included.</summary>
    Task<IReadOnlyList<MappingProfile>> ListProfilesAsync(CancellationToken cancellationToken);

    /// <summary>Checks and saves a profile (new or changed); throws <see cref="ProfileException"/> saying what is wrong.</summary>
    Task<MappingProfile> SaveProfileAsync(MappingProfile profile, string changedBy, CancellationToken cancellationToken);

    /// <summary>Deletes a saved profile (audited); false when there is none of that name. A shipped profile throws <see cref="ProfileException"/>.</summary>
    Task<bool> DeleteProfileAsync(string name, string deletedBy, CancellationToken cancellationToken);

    /// <summary>The harm weights in force: shipped, overridden, and for unknown categories.</summary>
    Task<HarmTableView> GetHarmTableAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the analyst's harm overrides (audited).</summary>
    Task SetHarmOverridesAsync(HarmOverrides overrides, string changedBy, CancellationToken cancellationToken);

    /// <summary>The watched folder, the force boundary and the upload limit in force.</summary>
    Task<IngestionSettings> GetSettingsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sets (or, with null, turns off) the folder whose new files are imported every minute: a folder inside the import
    /// root, given by its full path or relative to the root, without '..' and not through a symbolic link. Any other is
    /// refused with <see cref="HotSpots.Platform.ValidationException"/> and the refusal audited (watch-folder.refused).
    /// The web host lets only administrators call it.
    /// </summary>
    Task SetWatchFolderAsync(string? folder, string changedBy, CancellationToken cancellationToken);

    /// <summary>Sets the force boundary from a GeoJSON file of polygons (null removes it); positions outside are flagged.</summary>
    Task SetBoundaryAsync(Stream? geoJson, string changedBy, CancellationToken cancellationToken);

    /// <summary>
    /// The force boundary's outline for a map: the outer ring of each of its polygons as latitude/longitude points,
    /// simplified to about 20 m; null when no boundary is set. Throws <see cref="HotSpots.Platform.ValidationException"/>
    /// when the file set as the boundary can no longer be read.
    /// </summary>
    Task<BoundaryOutline?> GetBoundaryOutlineAsync(CancellationToken cancellationToken);

    /// <summary>How long people links and import history are kept.</summary>
    Task<IngestionRetention> GetRetentionAsync(CancellationToken cancellationToken);

    /// <summary>Changes the retention periods (each change audited); throws <see cref="HotSpots.Platform.ValidationException"/> for a period under a day.</summary>
    Task SetRetentionAsync(IngestionRetention retention, string changedBy, CancellationToken cancellationToken);

    /// <summary>Erases what is past its retention now (the daily job purge-ingestion-retention does the same) and audits it.</summary>
    Task<RetentionPurge> PurgeExpiredAsync(CancellationToken cancellationToken);
}

/// <summary>The force boundary as outer rings of latitude/longitude points (see <see cref="IIngestionAdministration.GetBoundaryOutlineAsync"/>).</summary>
public sealed record BoundaryOutline(IReadOnlyList<IReadOnlyList<LatLon>> Rings);

/// <summary>A point in WGS84 degrees.</summary>
public sealed record LatLon(double Latitude, double Longitude);

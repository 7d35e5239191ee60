namespace HotSpots.Platform.Settings;

/// <summary>
/// Settings that users change at run time (harm overrides, dose targets, retention…), stored in the database
/// so that every node sees them. Defaults come from the caller (usually appsettings). Every change is audited, and raises
/// the revision <see cref="Revisions.Revision.OfSetting"/> of its key in its own transaction, so that copies held in
/// memory that depend on it see it at their next use.
/// </summary>
public interface ISettingsStore
{
    Task<T> GetAsync<T>(string key, T fallback, CancellationToken cancellationToken);

    Task SetAsync<T>(string key, T value, string changedBy, CancellationToken cancellationToken);
}

namespace HotSpots.Platform.Data;

/// <summary>
/// An exclusive lock on the data directory, held by the running app, so that a restore cannot overwrite the
/// files under it and a second app cannot start on the same files. The OS releases it when the process dies.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file) => _file = file;

    public static DataDirectoryLock Acquire(string dataDirectory, string purpose)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "hotspots.lock");
        try
        {
            return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new InvalidOperationException(
                $"The data directory {dataDirectory} is in use by a running HotSpots: stop it before you {purpose}.");
        }
    }

    public void Dispose() => _file.Dispose();
}

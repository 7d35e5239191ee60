using HotSpots.Platform.Data;
using Microsoft.Extensions.Configuration;

namespace HotSpots.Modules.Ingestion.Jobs;

/// <summary>
/// The one folder under which the watched folder may be (setting Ingestion:WatchFolderRoot; by default incoming/ in the
/// shared directory, which every node mounts). A folder is allowed only when it is the root or below it, given without
/// '..', and reached without a symbolic link below the root (the root itself may be a link or on a mounted share: the
/// operator chose it). Then its real path is the root's real path and the same relative path, so nothing outside the root
/// is reached through it. A file is read or moved only when it is not a link itself and its folder is allowed.
/// </summary>
internal sealed class ImportRoot
{
    public const string SettingKey = "Ingestion:WatchFolderRoot";

    public ImportRoot(IConfiguration configuration, DatabaseSettings database)
    {
        var configured = configuration[SettingKey];
        Path = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(
            string.IsNullOrWhiteSpace(configured) ? System.IO.Path.Combine(database.SharedDirectory, "incoming") : configured));
    }

    /// <summary>The root, as a full path.</summary>
    public string Path { get; }

    /// <summary>
    /// The folder an administrator typed (a full path, or a path relative to the root), as a full path inside the root;
    /// throws <see cref="RefusedPathException"/> saying why it is not allowed, or <see cref="DirectoryNotFoundException"/>.
    /// </summary>
    public string Resolve(string typed)
    {
        var text = typed.Trim();
        if (text.Split('/', '\\').Any(part => part == ".."))
            throw new RefusedPathException($"The watched folder '{text}' is given with '..'. Give the folder's own path inside the import root {Path}.");
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(text) ? text : System.IO.Path.Combine(Path, text)));
        CheckFolder(full, text);
        return full;
    }

    /// <summary>Checks a folder (a full path) as <see cref="Resolve"/> does, e.g. the saved watched folder before each run.</summary>
    public void CheckFolder(string folder, string? typed = null)
    {
        var shown = typed ?? folder;
        if (!IsInside(folder))
            throw new RefusedPathException(
                $"The watched folder '{shown}' is not inside the import root {Path} (setting {SettingKey}): the watched folder must be inside the import root.");
        if (LinkBelowRoot(folder) is { } link)
            throw new RefusedPathException(
                $"The watched folder '{shown}' is reached through a symbolic link ({System.IO.Path.GetRelativePath(Path, link)}). Choose a real folder inside the import root {Path}.");
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The folder {folder} does not exist on the server.");
    }

    /// <summary>A file found in an allowed folder may be read and moved only when it is not a link (to anywhere).</summary>
    public static bool IsLink(FileSystemInfo entry) => entry.LinkTarget is not null;

    /// <summary>
    /// The folder <paramref name="name"/> (imported/, failed/) inside an allowed folder, made when missing; throws
    /// <see cref="RefusedPathException"/> when something other than a real folder has that name (a link could lead out of the root).
    /// </summary>
    public string Subfolder(string folder, string name)
    {
        var path = System.IO.Path.Combine(folder, name);
        var info = new DirectoryInfo(path);
        if (info.LinkTarget is not null)
            throw new RefusedPathException($"{path} is a symbolic link: files are moved only into a real folder inside the import root {Path}.");
        if (File.Exists(path))
            throw new RefusedPathException($"{path} is a file: files are moved only into a folder of that name inside the watched folder.");
        Directory.CreateDirectory(path);
        return path;
    }

    private bool IsInside(string full) =>
        string.Equals(full, Path, StringComparison.Ordinal) ||
        full.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The first folder from below the root down to <paramref name="full"/> that is a symbolic link, or null.</summary>
    private string? LinkBelowRoot(string full)
    {
        var current = Path;
        foreach (var part in System.IO.Path.GetRelativePath(Path, full).Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            current = System.IO.Path.Combine(current, part);
            if (new DirectoryInfo(current).LinkTarget is not null) return current;
        }
        return null;
    }
}

/// <summary>A path the watched folder may not use, with the reason to show and audit.</summary>
internal sealed class RefusedPathException(string message) : Exception(message);

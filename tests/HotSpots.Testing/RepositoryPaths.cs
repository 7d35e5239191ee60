namespace HotSpots.Testing;

/// <summary>Where the repository and the shared real-data folder beside it are.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The real police data beside the project (../shared/data); absent on a user's clone.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HotSpots.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find HotSpots.sln above the test's folder.");
    }
}

using System.Diagnostics;

namespace HotSpots.Testing;

/// <summary>The built app's command-line verbs, run as <c>./run.sh VERB</c> runs them, as their own process.</summary>
public static class Verbs
{
    /// <summary>
    /// Runs a verb on <paramref name="database"/> from the app's project folder, with the caller's folder passed on as run.sh
    /// does; <paramref name="environment"/> adds environment variables. Answers the exit code, standard output and error
    /// together, and standard output alone.
    /// </summary>
    public static async Task<(int Exit, string Output, string StandardOutput)> RunAsync(
        TestDatabase database, string callerDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "HotSpots.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppProcess.WebAssembly);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["HOTSPOTS_CALLER_DIR"] = callerDirectory;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in database.Settings()) start.Environment[key.Replace(":", "__")] = value;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error, await output);
    }
}

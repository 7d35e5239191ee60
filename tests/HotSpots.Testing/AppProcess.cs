using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HotSpots.Testing;

/// <summary>
/// The built HotSpots.Web as a separate process, on 127.0.0.1 with its own data directory and port: start it, wait
/// until it serves, kill it hard (SIGKILL, as a power cut or an OOM kill would) and start it again on the same data.
/// Settings are passed as environment variables ("Demo:Enabled" becomes Demo__Enabled).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly StringBuilder _log = new();
    private readonly IReadOnlyList<string> _arguments;
    private Process? _process;

    /// <param name="arguments">Command-line arguments after --urls, such as --allow-demo-in-production.</param>
    public AppProcess(string dataDirectory, IDictionary<string, string?>? settings = null, int? port = null, IReadOnlyList<string>? arguments = null)
    {
        DataDirectory = dataDirectory;
        Port = port ?? FreePort();
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        _arguments = arguments ?? [];
    }

    public string DataDirectory { get; }
    public int Port { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}/");
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>What the process wrote to its output and error streams so far (for a failing test's message).</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>The built app: its own project output (Debug or Release, as the tests were built), run from its project folder.</summary>
    public static string WebAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            return Path.Combine(RepositoryPaths.Root, "src", "HotSpots.Web", "bin", configuration, "net10.0", "HotSpots.Web.dll");
        }
    }

    /// <summary>Starts the app and waits until it answers its sign-in page (migrations and a first demo seed included).</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (ProcessId is not null) throw new InvalidOperationException("The app is already running.");
        if (!File.Exists(WebAssembly)) throw new FileNotFoundException($"Build the app first: {WebAssembly} is missing.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "HotSpots.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        foreach (var argument in _arguments) start.ArgumentList.Add(argument);
        start.Environment["HOTSPOTS_DATA_DIR"] = DataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // No demo patrol history unless a test asks for it, as in HotSpotsApp: it would only slow the start.
        start.Environment["Demo__PatrolHistoryDays"] = "0";
        foreach (var (key, value) in _settings) start.Environment[key.Replace(":", "__")] = value;

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} while starting:\n{Log}");
            try
            {
                var response = await http.GetAsync(new Uri(Address, "/Account/SignIn"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not answer on {Address} in time:\n{Log}");
    }

    /// <summary>kill -9: the process gets no chance to flush or close anything.</summary>
    public void Kill()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
    }

    /// <summary>Kills the app hard and starts it again on the same data directory and port.</summary>
    public async Task RestartAsync(TimeSpan? timeout = null)
    {
        Kill();
        _process?.Dispose();
        _process = null;
        await StartAsync(timeout);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }
}

using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotSpots.Testing;

/// <summary>
/// The whole app in the test process, on its own database, with the demo force seeded (smaller than the real
/// demo, for speed). <see cref="StartOnRealPort"/> serves it over a real socket for the browser.
/// </summary>
public sealed class HotSpotsApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;
    private readonly string _environment;

    /// <param name="environment">The host environment: Production (as a force runs it) unless a test needs Development (as ./run.sh on a developer's machine).</param>
    public HotSpotsApp(TestDatabase database, IDictionary<string, string?>? settings = null, TimeProvider? clock = null, string environment = "Production")
    {
        _clock = clock;
        _environment = environment;
        Database = database;
        _settings = new Dictionary<string, string?>(database.Settings())
        {
            ["Demo:Enabled"] = "true",
            // The tests run the demo in the Production environment on purpose, as --allow-demo-in-production does
            // (outside Development the app refuses to start in demo mode without it: docs/security.md, "The demo").
            ["Demo:AllowInProduction"] = "true",
            ["Demo:CrimesPerYear"] = "4000",
            // No patrol history unless a test asks for it (Demo:PatrolHistoryDays), so that patrol tests start from none.
            ["Demo:PatrolHistoryDays"] = "0",
            ["Jobs:PollSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests sign in many times a minute from one address; the limit's own test sets it low.
            ["Security:SignInPerMinute"] = "100000",
            ["Security:TokenPerMinute"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    public TestDatabase Database { get; }

    /// <summary>What the app logged as errors, for a failure message.</summary>
    public ServerErrors Errors { get; } = new();

    /// <summary>Serves on 127.0.0.1 on a free port and returns the base address.</summary>
    public Uri StartOnRealPort()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    /// <summary>Serves on https://127.0.0.1 on a free port with the given certificate and returns the base address.</summary>
    public Uri StartOnRealHttpsPort(X509Certificate2 certificate)
    {
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        StartServer();
        return ClientOptions.BaseAddress;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.UseEnvironment(_environment);
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        if (_clock is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
    }
}

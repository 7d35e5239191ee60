using System.Diagnostics;
using System.Net;
using HotSpots.Testing;
using HotSpots.Web.Cli;
using Microsoft.Data.Sqlite;

namespace HotSpots.Web.Tests.Security;

/// <summary>
/// Issue 22, finding 2: the demo (accounts with a published password and authenticator key) never reaches production.
/// ./run.sh seeds it only in Development or when asked in so many words; outside Development the app refuses to start in
/// demo mode without --allow-demo-in-production, and with it every page an administrator sees says so in red;
/// create-admin offers to remove demo sign-ins it finds.
/// </summary>
public sealed class DemoInProductionTests
{
    // ---- run.sh: which environment and which demo setting it gives the app ----

    /// <summary>
    /// Runs the real run.sh from a copy of the repository's layout, with a 'dotnet' on the PATH that builds nothing and,
    /// instead of the app, prints the environment and the arguments run.sh gave it.
    /// </summary>
    private static async Task<(string Environment, IReadOnlyList<string> Arguments)> RunShAsync(IDictionary<string, string> environment, params string[] args)
    {
        using var root = new TempDirectory("hotspots-run-sh");
        File.Copy(Path.Combine(RepositoryPaths.Root, "run.sh"), Path.Combine(root.Path, "run.sh"));
        foreach (var folder in new[] { "src/HotSpots.Web/bin/Release/net10.0", "data", "fake-bin", "data-dir" }) Directory.CreateDirectory(Path.Combine(root.Path, folder));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "src/HotSpots.Web/bin/Release/net10.0/HotSpots.Web.dll" })
            await File.WriteAllTextAsync(Path.Combine(root.Path, file), "");
        var dotnet = Path.Combine(root.Path, "fake-bin", "dotnet");
        await File.WriteAllTextAsync(dotnet, """
            #!/usr/bin/env bash
            [ "${1:-}" = build ] && exit 0
            echo "ENVIRONMENT=${ASPNETCORE_ENVIRONMENT-}"
            for a in "$@"; do echo "ARG=$a"; done
            """.Replace("\r", ""));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root.Path };
        start.ArgumentList.Add(Path.Combine(root.Path, "run.sh"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "HOTSPOTS_DEMO", "HOTSPOTS_CALLER_DIR" }) start.Environment.Remove(name);
        start.Environment["PATH"] = $"{Path.GetDirectoryName(dotnet)}:{System.Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["HOTSPOTS_DATA_DIR"] = Path.Combine(root.Path, "data-dir");
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (lines.Single(l => l.StartsWith("ENVIRONMENT=", StringComparison.Ordinal))["ENVIRONMENT=".Length..],
            lines.Where(l => l.StartsWith("ARG=", StringComparison.Ordinal)).Select(l => l["ARG=".Length..]).ToList());
    }

    [Fact]
    public async Task Run_sh_in_production_without_HOTSPOTS_DEMO_does_not_ask_for_the_demo()
    {
        var (environment, arguments) = await RunShAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        environment.ShouldBe("Production");
        arguments.ShouldNotContain(a => a.StartsWith("--Demo:Enabled", StringComparison.OrdinalIgnoreCase) && !a.EndsWith("=false", StringComparison.OrdinalIgnoreCase));

        var (_, dotnetEnvironment) = await RunShAsync(new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Staging" });
        dotnetEnvironment.ShouldNotContain("--Demo:Enabled=true");
    }

    [Fact]
    public async Task Run_sh_on_a_developers_machine_runs_in_Development_with_the_demo()
    {
        var (environment, arguments) = await RunShAsync(new Dictionary<string, string>(), "--urls", "http://127.0.0.1:5999");
        environment.ShouldBe("Development");
        arguments.ShouldContain("--Demo:Enabled=true");
        arguments.ShouldContain("http://127.0.0.1:5999");

        var (_, without) = await RunShAsync(new Dictionary<string, string> { ["HOTSPOTS_DEMO"] = "false" });
        without.ShouldContain("--Demo:Enabled=false");
    }

    [Fact]
    public async Task Run_sh_passes_the_demo_on_in_production_only_when_asked_in_so_many_words_and_the_app_then_refuses_without_the_flag()
    {
        var (environment, arguments) = await RunShAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["HOTSPOTS_DEMO"] = "true" });
        environment.ShouldBe("Production");
        arguments.ShouldContain("--Demo:Enabled=true");
        // What the app does with that: below.
    }

    // ---- the app's own rule ----

    [Fact]
    public async Task The_app_in_production_in_demo_mode_without_the_flag_refuses_to_start_saying_why_and_makes_no_account()
    {
        using var data = new TempDirectory("hotspots-demo-refused");
        await using var app = new AppProcess(data.Path, new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => app.StartAsync(TimeSpan.FromSeconds(90)));

        refused.Message.ShouldContain("exited with code 1");
        refused.Message.ShouldContain("--allow-demo-in-production");
        refused.Message.ShouldContain("Production");
        refused.Message.ShouldNotContain("   at ");
        File.Exists(Path.Combine(data.Path, "hotspots.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Seed_demo_in_production_without_the_flag_refuses_and_seeds_nothing()
    {
        using var database = TestDatabase.Create("Sqlite");
        string[] settings = [.. database.Settings().Select(s => $"--{s.Key}={s.Value}")];

        var exit = await CommandLine.RunAsync(["seed-demo", .. settings, "--environment=Production", "--Demo:CrimesPerYear=500", "--Logging:LogLevel:Default=Warning"]);

        exit.ShouldBe(1);
        File.Exists(Path.Combine(database.Folder.Path, "hotspots.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task With_the_flag_the_demo_starts_in_production_and_every_page_an_administrator_sees_says_so()
    {
        using var data = new TempDirectory("hotspots-demo-allowed");
        await using var process = new AppProcess(data.Path, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:CrimesPerYear"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
        }, arguments: ["--allow-demo-in-production"]);
        await process.StartAsync(TimeSpan.FromMinutes(3));

        using var admin = await SignedInClient.SignInAsync(process.Address, "admin@demo.hotspots");
        foreach (var page in new[] { "/Admin/Status", "/Admin/Audit", "/Admin/Retention", "/Dashboard/Settings", "/Imports" })
        {
            var html = await admin.GetStringAsync(page);
            html.ShouldContain("id=\"demo-warning\"", customMessage: page);
            html.ShouldContain("--allow-demo-in-production", customMessage: page);
        }
        using var officer = await SignedInClient.SignInAsync(process.Address, "officer@demo.hotspots");
        (await officer.GetStringAsync("/Officer")).ShouldNotContain("id=\"demo-warning\"");
    }

    [Fact]
    public async Task In_Development_the_demo_starts_without_the_flag_and_no_page_warns()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Demo:AllowInProduction"] = "false" }, environment: "Development");
        var admin = await SignedInClient.SignInAsync(app, "admin@demo.hotspots");
        var status = await admin.GetAsync("/Admin/Status");
        status.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await status.Content.ReadAsStringAsync()).ShouldNotContain("id=\"demo-warning\"");
    }

    // ---- create-admin on a data directory that holds the demo ----

    private static async Task<(int Code, string Output)> CliAsync(string dataDirectory, string? answer, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "HotSpots.Web.dll");
        // With an answer, the command runs on a terminal of its own (script(1)), as a person at a shell would run it.
        var start = answer is null ? new ProcessStartInfo("dotnet") : new ProcessStartInfo("script");
        if (answer is null)
        {
            start.ArgumentList.Add(dll);
            foreach (var arg in args) start.ArgumentList.Add(arg);
        }
        else
        {
            start.ArgumentList.Add("-qec");
            start.ArgumentList.Add(string.Join(' ', new[] { "dotnet", dll }.Concat(args).Select(a => $"'{a}'")));
            start.ArgumentList.Add("/dev/null");
        }
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["HOTSPOTS_DATA_DIR"] = dataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["HOTSPOTS_ADMIN_PASSWORD"] = "correct horse battery staple 42";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (answer is not null)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await process.StandardInput.WriteAsync(answer + "\n");
            await process.StandardInput.FlushAsync();
        }
        else process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static async Task<List<string>> EmailsAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "hotspots.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Email FROM accounts_users ORDER BY Email";
        var emails = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) emails.Add(reader.GetString(0));
        return emails;
    }

    private static async Task<long> ScalarAsync(string dataDirectory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "hotspots.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Create_admin_on_a_demo_data_directory_offers_to_remove_the_demo_sign_ins_and_removes_them_when_told_keeping_the_data()
    {
        using var data = new TempDirectory("hotspots-create-admin");
        var (seeded, seedOutput) = await CliAsync(data.Path, null, "seed-demo", "--allow-demo-in-production", "--Demo:CrimesPerYear=1000", "--Demo:PatrolHistoryDays=0");
        seeded.ShouldBe(0, seedOutput);
        var demo = (await EmailsAsync(data.Path)).Where(e => e.EndsWith("@demo.hotspots", StringComparison.Ordinal)).ToList();
        demo.Count.ShouldBe(6);
        var crimes = await ScalarAsync(data.Path, "SELECT COUNT(*) FROM ingestion_crimes");
        crimes.ShouldBeGreaterThan(0);

        // A script without a terminal and without the flag: told, and nothing removed.
        var (code, output) = await CliAsync(data.Path, null, "create-admin", "first.admin@force.police.uk");
        code.ShouldBe(0, output);
        output.ShouldContain("6 demo sign-ins");
        output.ShouldContain("--remove-demo-accounts");
        (await EmailsAsync(data.Path)).ShouldContain("admin@demo.hotspots");

        // A person at a terminal is asked; "n" keeps them.
        (code, output) = await CliAsync(data.Path, "n", "create-admin", "second.admin@force.police.uk");
        code.ShouldBe(0, output);
        output.ShouldContain("Remove them?");
        (await EmailsAsync(data.Path)).ShouldContain("admin@demo.hotspots");

        // The flag removes them (a script's way); the demo's crimes stay.
        (code, output) = await CliAsync(data.Path, null, "create-admin", "third.admin@force.police.uk", "--remove-demo-accounts");
        code.ShouldBe(0, output);
        output.ShouldContain("Removed 6 demo sign-ins");
        (await EmailsAsync(data.Path)).ShouldBe(["first.admin@force.police.uk", "second.admin@force.police.uk", "third.admin@force.police.uk"]);
        (await ScalarAsync(data.Path, "SELECT COUNT(*) FROM ingestion_crimes")).ShouldBe(crimes);
        (await ScalarAsync(data.Path, "SELECT COUNT(*) FROM accounts_user_roles WHERE UserId NOT IN (SELECT Id FROM accounts_users)")).ShouldBe(0);
        (await ScalarAsync(data.Path, "SELECT COUNT(*) FROM platform_audit WHERE Action = 'account.delete' AND Subject LIKE '%@demo.hotspots'")).ShouldBe(6);
    }

    [Fact]
    public async Task Demo_sign_ins_left_in_a_production_database_are_shown_to_administrators_in_red()
    {
        using var database = TestDatabase.Create("Sqlite");
        // Seeded as an older ./run.sh did; then started in Production with the demo off.
        (await CommandLine.RunAsync(["seed-demo", .. database.Settings().Select(s => $"--{s.Key}={s.Value}"), "--allow-demo-in-production",
            "--Demo:CrimesPerYear=500", "--Demo:PatrolHistoryDays=0", "--Logging:LogLevel:Default=Warning"])).ShouldBe(0);
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "false", ["Demo:AllowInProduction"] = "false" });

        var admin = await SignedInClient.SignInAsync(app, "admin@demo.hotspots");
        var status = await admin.GetStringAsync("/Admin/Status");

        status.ShouldContain("id=\"demo-warning\"");
        status.ShouldContain("--remove-demo-accounts");
        var analyst = await SignedInClient.SignInAsync(app, "analyst@demo.hotspots");
        (await analyst.GetStringAsync("/Imports")).ShouldNotContain("id=\"demo-warning\"");
    }
}

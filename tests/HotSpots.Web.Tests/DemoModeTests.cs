using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Contracts.Demo;
using HotSpots.Testing;
using HotSpots.Web.Cli;
using HotSpots.Web.Demo;

namespace HotSpots.Web.Tests;

/// <summary>The demo's way to make past patrols exists only in demo mode (docs/architecture.md, "The demo").</summary>
public sealed class DemoModeTests
{
    [Fact]
    public async Task Outside_demo_mode_the_app_has_no_demo_seed_and_no_way_to_start_a_past_patrol()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        var registered = app.Service<IServiceProviderIsService>();

        registered.IsService(typeof(IDemoPatrolHistory)).ShouldBeFalse();
        registered.IsService(typeof(DemoSeeder)).ShouldBeFalse();
        registered.IsService(typeof(DemoPatrols)).ShouldBeFalse();
        registered.IsService(typeof(IOfficerPatrols)).ShouldBeTrue();
        registered.IsService(typeof(IPatrolPresence)).ShouldBeTrue();
    }

    [Fact]
    public async Task Seed_demo_on_the_command_line_makes_the_past_patrols_in_demo_mode_which_the_app_outside_it_then_reports()
    {
        using var database = TestDatabase.Create("Sqlite");
        string[] settings = [.. database.Settings().Select(s => $"--{s.Key}={s.Value}")];

        var exit = await CommandLine.RunAsync(
            ["seed-demo", .. settings, "--allow-demo-in-production", "--Demo:Enabled=false", "--Demo:CrimesPerYear=2000", "--Demo:PatrolHistoryDays=3", "--Logging:LogLevel:Default=Warning"]);

        exit.ShouldBe(0);
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        app.Service<IServiceProviderIsService>().IsService(typeof(IDemoPatrolHistory)).ShouldBeFalse();
        await using var scope = app.Services.CreateAsyncScope();
        var now = DateTime.UtcNow;
        var minutes = await scope.ServiceProvider.GetRequiredService<IPatrolPresence>().MinutesByOfficerAsync(now.AddDays(-5), now, CancellationToken.None);
        minutes.ShouldNotBeEmpty();
        minutes.Sum(m => m.Patrols).ShouldBeGreaterThan(0);
        minutes.Sum(m => m.MinutesInside).ShouldBeGreaterThan(0);
    }
}

using HotSpots.Testing;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>
/// The dashboard pages in Chromium on the demo force with two weeks of patrols: each page shows its charts as images with
/// their text alternatives, runs no script error, and is photographed at desktop and phone widths (HOTSPOTS_SCREENSHOTS=1).
/// </summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private HotSpotsApp _app = null!;
    private Uri _address = null!;

    public static readonly IReadOnlyList<(string Path, string Name, string Email)> Pages =
    [
        ("/Manager", "dashboard-overview", "manager@demo.hotspots"),
        ("/Dashboard/Crimes", "dashboard-crimes", "manager@demo.hotspots"),
        ("/Dashboard/People", "dashboard-people", "analyst@demo.hotspots"),
        ("/Dashboard/Compliance", "dashboard-compliance", "manager@demo.hotspots"),
        ("/Dashboard/Impact", "dashboard-impact", "manager@demo.hotspots"),
        ("/Dashboard/Leaderboards?period=month", "dashboard-leaderboards", "supervisor@demo.hotspots"),
        ("/Dashboard/Reports", "dashboard-reports", "manager@demo.hotspots"),
        ("/Admin/Audit", "admin-audit-log", "admin@demo.hotspots"),
    ];

    public Task InitializeAsync()
    {
        _app = new HotSpotsApp(_database, new Dictionary<string, string?> { ["Demo:PatrolHistoryDays"] = "7" });
        _address = _app.StartOnRealPort();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Every_dashboard_page_renders_its_charts_without_script_errors_on_desktop_and_phone()
    {
        foreach (var email in Pages.Select(p => p.Email).Distinct())
        {
            await using var desktop = await Desktop.OpenAsync(_address);
            await using var phone = await Phone.OpenAsync(_address, 51.4545, -0.9730);
            await desktop.SignInAsync(email);
            await phone.SignInAsync(email);
            foreach (var (path, name, _) in Pages.Where(p => p.Email == email))
            {
                foreach (var (page, shot) in new[] { (desktop.Page, (Func<string, Task>)desktop.ScreenshotAsync), (phone.Page, phone.ScreenshotAsync) })
                {
                    var errors = new List<string>();
                    page.PageError += (_, e) => errors.Add(e);
                    var response = await page.GotoAsync(path);
                    response!.Status.ShouldBe(200, path);
                    await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                    foreach (var chart in await page.Locator("img.chart").AllAsync())
                    {
                        (await chart.GetAttributeAsync("src"))!.ShouldStartWith("data:image/svg+xml;base64,");
                        (await chart.GetAttributeAsync("alt"))!.Length.ShouldBeGreaterThan(20, $"{path}: a chart needs a text alternative");
                        (await chart.EvaluateAsync<int>("i => i.naturalWidth")).ShouldBeGreaterThan(0, $"{path}: a chart did not load");
                    }
                    errors.ShouldBeEmpty(path);
                    await shot($"{name}-{(page == desktop.Page ? "desktop" : "phone")}");
                }
            }
        }
    }

    [Fact]
    public async Task An_analyst_gives_a_reason_before_a_persons_history_opens()
    {
        await using var desktop = await Desktop.OpenAsync(_address);
        await desktop.SignInAsync("analyst@demo.hotspots");
        var page = desktop.Page;
        await page.GotoAsync("/Dashboard/People");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#history")).ToHaveCountAsync(0);
        await page.GetByLabel("Reason").FillAsync("Preparing the Friday night-time economy briefing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the history" }).ClickAsync();
        await Assertions.Expect(page.Locator("#history tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Your view of this history was recorded in the audit log.")).ToBeVisibleAsync();
        await desktop.ScreenshotAsync("dashboard-person-desktop");
    }
}

using Deque.AxeCore.Playwright;
using HotSpots.Platform.Audit;
using HotSpots.Testing;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>
/// An administrator imports a roster in Chromium: upload, preview (what would be created and what is rejected, and why),
/// apply, then the same file again changes nothing; then the teams page. Each page passes axe-core in light and dark, and
/// fits a 360 px screen.
/// </summary>
public sealed class RosterPagesTests : IAsyncLifetime
{
    private static readonly string Fixture = Path.Combine(RepositoryPaths.Root, "tests", "HotSpots.Workforce.Tests", "Fixtures", "roster-60-officers.csv");
    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private HotSpotsApp _app = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _app = new HotSpotsApp(_database, new Dictionary<string, string?> { ["Demo:PatrolHistoryDays"] = "0", ["Demo:CrimesPerYear"] = "2000" });
        _address = _app.StartOnRealPort();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task An_administrator_previews_and_applies_a_roster_and_the_same_file_again_changes_nothing()
    {
        await using var desktop = await Desktop.OpenAsync(_address);
        await desktop.SignInAsync("admin@demo.hotspots");
        var page = desktop.Page;
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync("/Admin/Roster");
        await CheckAsync(page, "roster upload");
        await page.GetByLabel("Roster file (CSV)").SetInputFilesAsync(Fixture);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("#roster-summary")).ToContainTextAsync(
            "58 to create, 0 to change, 0 unchanged, 2 rejected; 6 new teams (Response A, Response B, Response C, Response D, Neighbourhood North, Neighbourhood South).");
        var rejected = page.Locator("#roster-rows tbody tr", new() { HasText = "Rejected" });
        await Assertions.Expect(rejected).ToHaveCountAsync(2);
        await Assertions.Expect(rejected.Nth(0)).ToContainTextAsync("'Sargeant' is not a role");
        await Assertions.Expect(rejected.Nth(1)).ToContainTextAsync("'dev.hill44(at)force.example' is not an email address.");
        await CheckAsync(page, "roster preview");
        await desktop.ScreenshotAsync("admin-roster-preview-desktop");

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply: create 58 and change 0" }).ClickAsync();
        await Assertions.Expect(page.Locator("#roster-summary")).ToContainTextAsync("58 created, 0 changed, 0 unchanged, 2 rejected; 6 new teams.");
        // Each new person's invitation link, shown once: a table, and the same as a CSV file (email,link) downloaded from this answer.
        var links = page.Locator("#invitation-links tbody tr");
        await Assertions.Expect(links).ToHaveCountAsync(58);
        await Assertions.Expect(links.Nth(0)).ToContainTextAsync("amira.ahmed1@force.example");
        await Assertions.Expect(links.Nth(0)).ToContainTextAsync($"{_address.ToString().TrimEnd('/')}/Account/Invitation?id=");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the links (CSV: email,link)" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("invitations.csv");
        var csv = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        csv[0].ShouldBe("email,link");
        csv.Count.ShouldBe(59);
        var (email, link) = (csv[1].Split(',')[0], csv[1].Split(',')[1]);
        (await links.Nth(0).InnerTextAsync()).ShouldContain(link);
        email.ShouldBe("amira.ahmed1@force.example");
        await CheckAsync(page, "roster applied");

        // The link works: in a browser of its own, the new person sets a password with it.
        await using (var invited = await Desktop.OpenAsync(_address))
        {
            await invited.Page.GotoAsync(link);
            await Assertions.Expect(invited.Page.Locator("strong", new() { HasText = email })).ToBeVisibleAsync();
        }

        await page.GetByLabel("Roster file (CSV)").SetInputFilesAsync(Fixture);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("#roster-summary")).ToContainTextAsync("0 to create, 0 to change, 58 unchanged, 2 rejected; 0 new teams.");
        await Assertions.Expect(page.GetByText("There is nothing to apply.")).ToBeVisibleAsync();

        await page.GotoAsync("/Admin/Teams");
        var team = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Response B", Exact = true }) });
        await Assertions.Expect(team).ToContainTextAsync("9 members, 1 supervisor.");
        await Assertions.Expect(team).ToContainTextAsync("Sgt Amira Brooks");
        await CheckAsync(page, "teams");
        await desktop.ScreenshotAsync("admin-teams-desktop");
        await page.GetByLabel("New name for Response B").FillAsync("Response Bravo");
        await team.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The team is now called Response Bravo.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retire Response Bravo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Response Bravo (retired)" })).ToBeVisibleAsync();
        errors.ShouldBeEmpty();

        // Every change is in the audit log under the administrator's name.
        await using var scope = _app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        (await audit.SearchAsync(new AuditQuery(Actor: "admin@demo.hotspots", Action: "account.create"), CancellationToken.None)).Count.ShouldBe(58);
        (await audit.SearchAsync(new AuditQuery(Actor: "admin@demo.hotspots", Action: "officer.create"), CancellationToken.None)).Count.ShouldBe(58);
        (await audit.SearchAsync(new AuditQuery(Actor: "admin@demo.hotspots", Action: "team."), CancellationToken.None)).Select(a => a.Action)
            .ShouldBe(["team.retire", "team.rename", "team.create", "team.create", "team.create", "team.create", "team.create", "team.create"]);
    }

    /// <summary>axe-core finds nothing in light and dark, and the page fits a 360 px screen without sideways scrolling.</summary>
    private static async Task CheckAsync(IPage page, string what)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var result = await page.RunAxe();
            result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})")
                .ShouldBeEmpty($"{what}, {scheme}");
        }
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        var size = page.ViewportSize!;
        await page.SetViewportSizeAsync(360, 780);
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361 && !e.closest('.scroll'))" +
            ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8)");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360, $"{what} at 360 px: {string.Join("; ", wide)}");
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }
}

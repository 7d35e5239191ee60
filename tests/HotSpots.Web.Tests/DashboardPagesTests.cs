using System.Net;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Platform.Audit;
using HotSpots.Testing;

namespace HotSpots.Web.Tests;

/// <summary>The dashboard pages on the demo force (with a week of patrol history): who may open which, and what People views leave behind.</summary>
public sealed class DashboardPagesTests : IClassFixture<DashboardPagesTests.App>
{
    public sealed class App : IDisposable
    {
        public TestDatabase Database { get; } = TestDatabase.Create("Sqlite");
        public HotSpotsApp Host { get; }
        public App() => Host = new HotSpotsApp(Database, new Dictionary<string, string?> { ["Demo:PatrolHistoryDays"] = "7" });
        public void Dispose() { Host.Dispose(); Database.Dispose(); }
    }

    private readonly HotSpotsApp _app;

    public DashboardPagesTests(App app) => _app = app.Host;

    public static TheoryData<string, string, HttpStatusCode> Access()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        string[] dashboardPages = ["/Dashboard/Crimes", "/Dashboard/Compliance", "/Dashboard/Impact", "/Dashboard/Leaderboards", "/Dashboard/Reports"];
        foreach (var page in dashboardPages)
        {
            // Evaluators open compliance and impact (whether the treatment happened and what it did), not the rest.
            var evaluates = page is "/Dashboard/Compliance" or "/Dashboard/Impact";
            foreach (var role in new[] { "manager", "analyst", "supervisor" }) data.Add(role, page, HttpStatusCode.OK);
            data.Add("evaluator", page, evaluates ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
            foreach (var role in new[] { "officer", "admin" }) data.Add(role, page, HttpStatusCode.Forbidden);
        }
        // People: analysts; managers only when the setting allows (off by default).
        data.Add("analyst", "/Dashboard/People", HttpStatusCode.OK);
        foreach (var role in new[] { "manager", "supervisor", "officer", "evaluator", "admin" }) data.Add(role, "/Dashboard/People", HttpStatusCode.Forbidden);
        data.Add("manager", "/Dashboard/Person?id=P-000001", HttpStatusCode.Forbidden);
        data.Add("admin", "/Dashboard/Settings", HttpStatusCode.OK);
        foreach (var role in new[] { "manager", "analyst", "supervisor", "officer", "evaluator" }) data.Add(role, "/Dashboard/Settings", HttpStatusCode.Forbidden);
        return data;
    }

    [Theory]
    [MemberData(nameof(Access))]
    public async Task Each_role_gets_only_its_dashboard_pages(string role, string path, HttpStatusCode expected)
    {
        var client = await SignedInClient.SignInAsync(_app, $"{role}@demo.hotspots");
        (await client.GetAsync(path)).StatusCode.ShouldBe(expected);
    }

    [Theory]
    [InlineData("/Dashboard/Crimes")]
    [InlineData("/Dashboard/People")]
    [InlineData("/Admin/Audit")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var response = await _app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
    }

    [Fact]
    public async Task Opening_a_person_needs_a_reason_and_is_written_to_the_audit_log()
    {
        var analyst = await SignedInClient.SignInAsync(_app, "analyst@demo.hotspots");
        var people = await analyst.GetStringAsync("/Dashboard/People");
        var person = System.Text.RegularExpressions.Regex.Match(people, "/Dashboard/Person\\?id=([^\"]+)\"").Groups[1].Value;
        person.ShouldNotBeEmpty("the demo force links people to crimes in its spots");
        person = Uri.UnescapeDataString(person);
        var page = $"/Dashboard/Person?id={Uri.EscapeDataString(person)}";
        var form = await analyst.GetStringAsync(page);
        form.ShouldContain("Why do you need to see");
        form.ShouldNotContain("id=\"history\"");

        var refused = await analyst.PostAsync(page, SignedInClient.Form(form, ("Id", person), ("Justification", "because")));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldNotContain("id=\"history\"");
        (await AuditAsync(person)).ShouldBeEmpty();

        const string why = "Briefing for Operation Nightjar on Friday";
        var opened = await analyst.PostAsync(page, SignedInClient.Form(form, ("Id", person), ("Justification", why)));
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await opened.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"history\"");
        html.ShouldContain("suspect");

        var entry = (await AuditAsync(person)).ShouldHaveSingleItem();
        entry.Actor.ShouldBe("analyst@demo.hotspots");
        entry.Why.ShouldBe(why);
        entry.AtUtc.ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(2));

        var admin = await SignedInClient.SignInAsync(_app, "admin@demo.hotspots");
        var log = await admin.GetStringAsync($"/Admin/Audit?Subject={Uri.EscapeDataString("person " + person)}");
        log.ShouldContain(why);
        log.ShouldContain("analyst@demo.hotspots");
        var csv = await admin.GetStringAsync($"/Admin/Audit?handler=Export&Subject={Uri.EscapeDataString("person " + person)}");
        csv.ShouldStartWith("id,at_utc,actor,action,subject,why,details\n");
        csv.ShouldContain($"analyst@demo.hotspots,person.view,person {person},{why}");
    }

    [Fact]
    public async Task Managers_see_people_only_while_an_administrator_allows_it()
    {
        var manager = await SignedInClient.SignInAsync(_app, "manager@demo.hotspots");
        (await manager.GetAsync("/Dashboard/People")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await SignedInClient.SignInAsync(_app, "admin@demo.hotspots");
        try
        {
            var form = await admin.GetStringAsync("/Dashboard/Settings");
            (await admin.PostAsync("/Dashboard/Settings", SignedInClient.Form(form, ("ManagersSeePeople", "true"), ("InitialsOutsideTeam", "true"))))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            (await manager.GetAsync("/Dashboard/People")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await AuditAsync(null, "setting.change")).ShouldContain(e => e.Actor == "admin@demo.hotspots");
        }
        finally
        {
            await _app.Service<IDashboardModule>().SetSettingsAsync(DashboardSettings.Default, "test", CancellationToken.None);
        }
        (await manager.GetAsync("/Dashboard/People")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Leaderboards_show_initials_outside_the_viewers_team_when_set()
    {
        var supervisor = await SignedInClient.SignInAsync(_app, "supervisor@demo.hotspots");
        var html = await supervisor.GetStringAsync("/Dashboard/Leaderboards?period=month");
        // Town Centre is the supervisor's team: full names; Oxford Road is not: initials.
        html.ShouldContain("PC Priya Shah");
        html.ShouldContain("A. B.");
        html.ShouldNotContain("Aisha Bello");
        try
        {
            await _app.Service<IDashboardModule>().SetSettingsAsync(new DashboardSettings(false, false), "test", CancellationToken.None);
            (await supervisor.GetStringAsync("/Dashboard/Leaderboards?period=month")).ShouldContain("PC Aisha Bello");
        }
        finally
        {
            await _app.Service<IDashboardModule>().SetSettingsAsync(DashboardSettings.Default, "test", CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_pages_show_the_demo_forces_figures()
    {
        var manager = await SignedInClient.SignInAsync(_app, "manager@demo.hotspots");
        var crimes = await manager.GetStringAsync("/Dashboard/Crimes");
        crimes.ShouldContain("data:image/svg+xml;base64,");
        crimes.ShouldContain("Violence and sexual offences");
        crimes.ShouldContain("busiest: ");
        (await manager.GetStringAsync("/Dashboard/Crimes?category=Robbery")).ShouldNotContain("<td>Burglary</td>");
        // A filter that matches no crime draws the spots alone (it failed in the map's colour range once).
        var none = await manager.GetAsync("/Dashboard/Crimes?from=1990-01-01&to=1990-01-31&category=Robbery");
        none.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await none.Content.ReadAsStringAsync()).ShouldContain("Map of 0 crimes");
        var compliance = await manager.GetStringAsync("/Dashboard/Compliance");
        compliance.ShouldContain("id=\"by-spot\"");
        compliance.ShouldMatch("rag (green|amber|red)");
        var impact = await manager.GetStringAsync("/Dashboard/Impact");
        impact.ShouldContain("intention to treat");
        impact.ShouldContain("Weighted displacement difference");
        var csv = await manager.GetStringAsync("/Dashboard/Reports?handler=Export&kind=Visits&format=Csv");
        csv.ShouldStartWith("visit,spot,spot_name,entered_utc,exited_utc,minutes,mode,koper,open\n");
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThan(10);
        var geo = await manager.GetStringAsync("/Dashboard/Reports?handler=Export&kind=Hotspots&format=GeoJson");
        geo.ShouldStartWith("{\"type\":\"FeatureCollection\"");
        geo.ShouldContain("\"Polygon\"");
    }

    private async Task<IReadOnlyList<AuditRecordView>> AuditAsync(string? person, string action = "person.view")
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditLog>()
            .SearchAsync(new AuditQuery(Action: action, Subject: person is null ? null : $"person {person}"), CancellationToken.None);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Platform;
using HotSpots.Testing;
using HotSpots.Web.Accounts;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.Abstractions;

namespace HotSpots.Web.Tests;

/// <summary>
/// Activities through the real endpoints and pages: the force's kinds from the set-up page, the two-minute undo by the
/// server's clock (the app's TimeProvider, moved by the test), and counts by kind per team and spot on compliance and in
/// the OData feed's ActivityCounts, which agree.
/// </summary>
public sealed partial class ActivitiesOverHttpTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Undo_works_within_two_minutes_is_refused_after_and_for_another_officer_and_compliance_and_the_feed_count_the_same(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Api:AllowHttp"] = "true" }, clock);
        var officer = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        var supervisor = await SignedInClient.SignInAsync(app, "supervisor@demo.hotspots");
        var (patrolId, spotId) = await StartPatrolAsync(officer);
        var (otherPatrolId, otherSpotId) = await StartPatrolAsync(supervisor);
        clock.Advance(TimeSpan.FromMinutes(1));

        await LogAsync(officer, patrolId, clock, 1, "Arrest");
        await LogAsync(officer, patrolId, clock, 2, "Stop and search");
        await LogAsync(officer, patrolId, clock, 3, "Other");
        await LogAsync(officer, patrolId, clock, 4, "Arrest");
        await LogAsync(supervisor, otherPatrolId, clock, 1, "Arrest");
        await LogAsync(supervisor, otherPatrolId, clock, 2, "Community engagement");

        // Within two minutes: undone, and not counted.
        clock.Advance(TimeSpan.FromSeconds(100));
        var undo = await officer.PostAsync($"/api/patrols/{patrolId}/activities/3/undo", null);
        undo.StatusCode.ShouldBe(HttpStatusCode.OK, await undo.Content.ReadAsStringAsync());
        (await undo.ReadAsync<PatrolView>()).Activities.ShouldBe(3);

        // Another officer: not found (the patrol is not theirs), and the entry stays.
        await supervisor.UseAntiforgeryFromAsync("/Officer");
        (await supervisor.PostAsync($"/api/patrols/{patrolId}/activities/2/undo", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Without the antiforgery token: refused.
        var bare = app.CreateClient();
        (await bare.PostAsync($"/api/patrols/{patrolId}/activities/2/undo", null)).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        // After two minutes: refused in words (409), and the entry stays counted.
        clock.Advance(TimeSpan.FromSeconds(21));
        var late = await officer.PostAsync($"/api/patrols/{patrolId}/activities/2/undo", null);
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString()!.ShouldContain("'Stop and search' was logged more than 2 minutes ago");
        (await officer.GetFromJsonAsync<PatrolView>($"/api/patrols/{patrolId}"))!.Activities.ShouldBe(3);
        (await supervisor.GetFromJsonAsync<PatrolView>($"/api/patrols/{otherPatrolId}"))!.Activities.ShouldBe(2);

        // Compliance: by team (both officers' teams) and by spot, the undone "Other" counted nowhere.
        var manager = await SignedInClient.SignInAsync(app, "manager@demo.hotspots");
        var compliance = await manager.GetStringAsync("/Dashboard/Compliance");
        var byTeam = Table(compliance, "activities-by-team");
        var bySpot = Table(compliance, "activities-by-spot");
        Totals(byTeam).ShouldBe(new Dictionary<string, int> { ["Arrest"] = 3, ["Stop and search"] = 1, ["Community engagement"] = 1 }, ignoreOrder: true);
        Totals(bySpot).ShouldBe(Totals(byTeam), ignoreOrder: true);
        var names = app.Service<IHotspotSnapshot>().Current.Spots.ToDictionary(s => s.Id, s => s.Name);
        var expectedBySpot = new[] { (spotId, "Arrest", 2), (spotId, "Stop and search", 1), (otherSpotId, "Arrest", 1), (otherSpotId, "Community engagement", 1) }
            .GroupBy(x => (names[x.Item1], x.Item2)).ToDictionary(g => g.Key, g => g.Sum(x => x.Item3));
        Cells(bySpot).ShouldBe(expectedBySpot, ignoreOrder: true);
        // The manager's dashboard: the week's activities per team, the same counts.
        Cells(Table(await manager.GetStringAsync("/Manager"), "week-activities")).ShouldBe(Cells(byTeam), ignoreOrder: true);

        // The feed's ActivityCounts: the same counts by team and by spot, one police day, no officer.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var secret = await MachineClients.CreateAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), "powerbi", [MachineClients.FeedScope], false, CancellationToken.None);
            var feed = app.CreateClient(new() { AllowAutoRedirect = false });
            feed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"powerbi:{secret}")));
            (await feed.GetStringAsync("/odata/$metadata")).ShouldContain("<EntitySet Name=\"ActivityCounts\"");
            var json = await feed.GetFromJsonAsync<JsonElement>("/odata/ActivityCounts");
            var rows = json.GetProperty("value").EnumerateArray().ToList();
            foreach (var row in rows)
                row.EnumerateObject().Select(p => p.Name).ShouldBe(["Id", "HotspotId", "Team", "PoliceDayStart", "Kind", "Count"], ignoreOrder: true);
            rows.Select(r => r.GetProperty("PoliceDayStart").GetString()).Distinct().Count().ShouldBe(1);
            rows.GroupBy(r => (r.GetProperty("Team").GetString()!, r.GetProperty("Kind").GetString()!)).ToDictionary(g => g.Key, g => g.Sum(r => r.GetProperty("Count").GetInt32()))
                .ShouldBe(Cells(byTeam), ignoreOrder: true);
            rows.GroupBy(r => (names[r.GetProperty("HotspotId").GetInt64()], r.GetProperty("Kind").GetString()!)).ToDictionary(g => g.Key, g => g.Sum(r => r.GetProperty("Count").GetInt32()))
                .ShouldBe(expectedBySpot, ignoreOrder: true);
            var filtered = await feed.GetFromJsonAsync<JsonElement>("/odata/ActivityCounts?$filter=Kind eq 'Arrest'&$count=true");
            filtered.GetProperty("value").EnumerateArray().Sum(r => r.GetProperty("Count").GetInt32()).ShouldBe(3);
        }
    }

    [Fact]
    public async Task The_set_up_page_sets_the_kinds_refuses_bad_ones_in_words_and_a_removed_kind_keeps_its_entries()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var force = app.Service<ForceOptions>();
        force.Values.ActivityKinds.ShouldBe(ForceValues.DefaultActivityKinds);
        var admin = await SignedInClient.SignInAsync(app, "admin@demo.hotspots");
        var page = await admin.GetStringAsync("/Admin/SetUp");
        WebUtility.HtmlDecode(page).ShouldContain("Removing a kind keeps the activities already logged with it");
        var before = force.Values;

        async Task<string> RefusedAsync(string kinds)
        {
            var response = await admin.PostAsync("/Admin/SetUp?handler=Save", SignedInClient.Form(page, Fields(kinds)));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        (await RefusedAsync("\n  \n")).ShouldContain("Give at least one activity kind");
        var twice = await RefusedAsync("Arrest\nFoot check\narrest ");
        twice.ShouldContain("The activity kind 'Arrest' is listed 2 times: list each kind once.");
        twice.ShouldContain("Foot check\narrest", customMessage: "what was typed stays in the form");
        (await RefusedAsync("Arrest\n" + new string('x', 41))).ShouldContain("Activity kind 2 ('" + new string('x', 40) + "…') is 41 characters long: keep it to 40.");
        (await RefusedAsync(string.Join("\n", Enumerable.Range(1, 21).Select(i => $"Kind {i}")))).ShouldContain("There are 21 activity kinds: give at most 20");
        force.Values.ShouldBe(before, "nothing was saved");

        // An officer logs a kind, then the force removes it: the entry stays and is still counted under its name.
        var officer = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        var (patrolId, _) = await StartPatrolAsync(officer);
        await LogAsync(officer, patrolId, TimeProvider.System, 1, "Licensed premises check");
        var saved = await admin.PostAsync("/Admin/SetUp?handler=Save", SignedInClient.Form(page, Fields(" Foot check \nArrest\n\nWeapons sweep")));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        force.Values.ActivityKinds.ShouldBe(["Foot check", "Arrest", "Weapons sweep"]);

        var patrolPage = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Officer/Patrol/{patrolId}"));
        KindButton().Matches(patrolPage).Select(m => m.Groups[1].Value).ShouldBe(["Foot check", "Arrest", "Weapons sweep"]);
        var refused = await officer.PostAsJsonAsync($"/api/patrols/{patrolId}/activities",
            new { seq = 2, t = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), kind = "Licensed premises check", text = (string?)null });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("is not one of: Foot check, Arrest, Weapons sweep (the force's kinds");
        var compliance = await (await SignedInClient.SignInAsync(app, "manager@demo.hotspots")).GetStringAsync("/Dashboard/Compliance");
        var table = Table(compliance, "activities-by-team");
        table.Kinds.ShouldBe(["Foot check", "Arrest", "Weapons sweep", "Licensed premises check"], "the force's kinds, then a removed one that has entries");
        Totals(table)["Licensed premises check"].ShouldBe(1);
    }

    private static (string, string)[] Fields(string kinds) =>
    [
        ("Form.Name", "Demo Force"), ("Form.TimeZone", "Europe/London"), ("Form.PoliceDayStartHour", "6"), ("Form.Tiles", "none"),
        ("Form.Shifts[0].Name", "Early"), ("Form.Shifts[0].StartHour", "7"), ("Form.Shifts[0].EndHour", "15"),
        ("Form.Shifts[1].Name", "Late"), ("Form.Shifts[1].StartHour", "15"), ("Form.Shifts[1].EndHour", "23"),
        ("Form.Shifts[2].Name", "Night"), ("Form.Shifts[2].StartHour", "23"), ("Form.Shifts[2].EndHour", "7"),
        ("Form.ActivityKinds", kinds),
    ];

    /// <summary>Direct me, then Start patrol, as the phone's pages do; the client then carries the patrol page's antiforgery token.</summary>
    private static async Task<(long PatrolId, long HotspotId)> StartPatrolAsync(HttpClient client)
    {
        var home = await client.GetStringAsync("/Officer");
        var direct = await client.PostAsync("/Officer/Direct", SignedInClient.Form(home, ("lat", "51.4545"), ("lon", "-0.9730")));
        direct.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var directionPage = await client.GetStringAsync(direct.Headers.Location!.ToString());
        var hotspotId = HotspotField().Match(directionPage).Groups[1].Value;
        var start = await client.PostAsync(direct.Headers.Location + "?handler=Start", SignedInClient.Form(directionPage, ("hotspotId", hotspotId)));
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect, await start.Content.ReadAsStringAsync());
        var patrolUrl = start.Headers.Location!.ToString();
        await client.UseAntiforgeryFromAsync(patrolUrl);
        return (long.Parse(patrolUrl.Split('/').Last()), long.Parse(hotspotId));
    }

    private static async Task LogAsync(HttpClient client, long patrolId, TimeProvider clock, long seq, string kind)
    {
        var response = await client.PostAsJsonAsync($"/api/patrols/{patrolId}/activities",
            new { seq, t = clock.GetUtcNow().ToUnixTimeMilliseconds(), kind, text = (string?)null });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private sealed record ParsedTable(List<string> Kinds, List<(string Row, int[] Counts)> Rows);

    /// <summary>An activity table of the compliance page: its kinds (columns) and each row's counts.</summary>
    private static ParsedTable Table(string html, string id)
    {
        var table = Regex.Match(html, $"<table class=\"data\" id=\"{id}\">(.*?)</table>", RegexOptions.Singleline);
        table.Success.ShouldBeTrue($"the page has no table {id}");
        var head = Regex.Match(table.Groups[1].Value, "<thead>(.*?)</thead>", RegexOptions.Singleline).Groups[1].Value;
        var kinds = Regex.Matches(head, "<th scope=\"col\">(.*?)</th>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Skip(1).SkipLast(1).ToList();
        var body = Regex.Match(table.Groups[1].Value, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        var rows = Regex.Matches(body, "<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", RegexOptions.Singleline).Select(m =>
            (WebUtility.HtmlDecode(m.Groups[1].Value), Regex.Matches(m.Groups[2].Value, "<td>([\\d,]+)</td>").Select(c => int.Parse(c.Groups[1].Value.Replace(",", ""))).ToArray()))
            .ToList();
        foreach (var (row, counts) in rows)
        {
            counts.Length.ShouldBe(kinds.Count + 1, row);
            counts[^1].ShouldBe(counts[..^1].Sum(), $"the row {row} adds up");
        }
        return new ParsedTable(kinds, rows);
    }

    private static Dictionary<string, int> Totals(ParsedTable table) =>
        table.Kinds.Select((k, i) => (k, table.Rows.Sum(r => r.Counts[i]))).Where(x => x.Item2 > 0).ToDictionary(x => x.k, x => x.Item2);

    private static Dictionary<(string, string), int> Cells(ParsedTable table) =>
        table.Rows.SelectMany(r => table.Kinds.Select((k, i) => ((r.Row, k), r.Counts[i]))).Where(x => x.Item2 > 0).ToDictionary(x => x.Item1, x => x.Item2);

    [GeneratedRegex("name=\"hotspotId\" value=\"(\\d+)\"")]
    private static partial Regex HotspotField();

    [GeneratedRegex("<button type=\"button\" class=\"kind\" data-kind=\"[^\"]*\">([^<]*)</button>")]
    private static partial Regex KindButton();
}

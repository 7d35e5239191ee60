using System.Globalization;
using System.Security.Claims;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;

namespace HotSpots.Web.Tests.Security;

/// <summary>
/// What each role sees, not only whether it may open a route: with a sealed trial of ranked pairs running from today,
/// every request of <see cref="AccessTable.ShowsSpots"/> is made as every role that may open the route, and its answer
/// is read for the trial's spots (<see cref="SpotMentions"/>).
/// </summary>
public sealed partial class AccessTableTests
{
    [Fact]
    public async Task With_a_running_sealed_trial_each_role_sees_of_its_arms_only_what_its_sight_allows()
    {
        var spots = fixture.TrialSpots;
        var control = spots.Where(s => s.Control).ToList();
        var treatment = spots.Where(s => !s.Control).ToList();
        (control.Count, treatment.Count).ShouldBe((10, 10));

        var failures = new List<string>();
        var detected = new HashSet<string>();
        var answers = 0;
        foreach (var (route, requests) in AccessTable.ShowsSpots)
        {
            if (!AccessTable.Rules.TryGetValue(route, out var rule))
            {
                failures.Add($"{route} is in AccessTable.ShowsSpots but has no rule.");
                continue;
            }
            foreach (var url in requests.SelectMany(Expand))
                foreach (var role in AccessTable.PolicyRoles[rule])
                {
                    using var response = await fixture.Clients[role].GetAsync(url);
                    var status = (int)response.StatusCode;
                    if (status >= 500) failures.Add($"{role} GET {url}: {status}");
                    if (!response.IsSuccessStatusCode) continue; // refused or not found: it shows nothing
                    answers++;
                    var media = response.Content.Headers.ContentType?.MediaType;
                    var groups = SpotMentions.Find(await response.Content.ReadAsByteArrayAsync(), media, spots);
                    var sight = AccessTable.RoleSight[role];
                    var mentions = groups.SelectMany(g => g).ToList();
                    if (mentions.Any(m => m.Spot.Control)) detected.Add($"{sight} {media}");
                    if (mentions.Any(m => !m.Spot.Control)) detected.Add($"{sight} treatment {media}");
                    switch (sight)
                    {
                        case AccessTable.TreatedToday:
                            foreach (var m in mentions.Where(m => m.Spot.Control).DistinctBy(m => m.Spot.Id))
                                failures.Add($"{role} GET {url} names control spot {m.Spot.Code} ({m.Spot.Name}) by {m.How}");
                            if (mentions.FirstOrDefault(m => m.How == "code") is { } coded)
                                failures.Add($"{role} GET {url} shows the trial's codes ({coded.Spot.Code})");
                            break;
                        case AccessTable.Totals:
                            if (mentions.FirstOrDefault(m => m.How == "code") is { } code)
                                failures.Add($"{role} GET {url} shows the trial's codes ({code.Spot.Code})");
                            foreach (var group in groups)
                            {
                                var named = group.Select(m => m.Spot).DistinctBy(s => s.Id).ToList();
                                // A list of one arm: at least half of that arm's spots and none of the other's.
                                if (named.Count >= 2 && named.All(s => s.Control == named[0].Control) && named.Count * 2 >= (named[0].Control ? control : treatment).Count)
                                    failures.Add($"{role} GET {url} lists {named.Count} {(named[0].Control ? "control" : "treatment")} spots and no other: {string.Join(", ", named.Select(s => s.Code))}");
                            }
                            break;
                    }
                }
        }

        // Those who evaluate see the arms spot by spot on the trial's page.
        foreach (var role in AccessTable.PolicyRoles[AccessTable.Rules["/Trials/Details/{trialId:long}"]])
        {
            AccessTable.RoleSight[role].ShouldBe(AccessTable.BySpot);
            var page = await fixture.Clients[role].GetAsync($"/Trials/Details/{fixture.Trial.Id}");
            var named = SpotMentions.Find(await page.Content.ReadAsByteArrayAsync(), "text/html", spots).SelectMany(g => g).Select(m => m.Spot.Id).ToHashSet();
            control.ShouldAllBe(s => named.Contains(s.Id), $"{role} sees every control spot of the trial on its page");
        }
        // The reader finds spots in each kind of answer: the published set names control spots (not as such) to those who see totals.
        foreach (var kind in new[] { "text/html", "text/csv", "application/geo+json", "application/pdf" })
            detected.ShouldContain($"{AccessTable.Totals} {kind}", $"no {kind} answer named a spot of the published set: the reader would miss one");
        // Those who task still see today's treatment spots by name (the test does not pass by showing nothing).
        detected.ShouldContain($"{AccessTable.TreatedToday} treatment text/html");
        detected.ShouldContain($"{AccessTable.TreatedToday} treatment application/json");
        answers.ShouldBeGreaterThan(60);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task While_the_trial_runs_the_dashboard_gives_control_spots_in_total_and_the_trial_page_by_spot()
    {
        var control = fixture.TrialSpots.Where(s => s.Control).ToList();
        foreach (var role in new[] { Roles.Supervisor, Roles.Analyst, Roles.Manager })
        {
            var page = await fixture.Clients[role].GetStringAsync("/Dashboard/Compliance");
            page.ShouldContain("id=\"control-totals\"");
            page.ShouldContain($"All {control.Count} together");
            page.ShouldNotContain("id=\"controls\"");
            page.ShouldNotContain("id=\"by-spot\"");
            page.ShouldContain(System.Text.Encodings.Web.HtmlEncoder.Default.Encode($"While trial “{fixture.Trial.Name}” runs"));
            var impact = await fixture.Clients[role].GetStringAsync("/Dashboard/Impact");
            impact.ShouldNotContain("id=\"impact-spots\"");
            impact.ShouldContain("id=\"impact-spots-withheld\"");
        }
        foreach (var role in new[] { Roles.Evaluator, Roles.Admin })
        {
            var page = await fixture.Clients[role].GetStringAsync($"/Trials/Details/{fixture.Trial.Id}");
            var table = page[page.IndexOf("id=\"trial-controls\"", StringComparison.Ordinal)..];
            table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
            foreach (var spot in control)
                table.ShouldContain($"<td>{System.Net.WebUtility.HtmlEncode($"{spot.Code} {spot.Name}")}</td>");
            foreach (var spot in fixture.TrialSpots.Where(s => !s.Control))
                table.ShouldNotContain($"<td>{System.Net.WebUtility.HtmlEncode($"{spot.Code} {spot.Name}")}</td>");
        }
        // Evaluators open compliance and impact too (issue 21), and there see the control spots one by one.
        var evaluator = fixture.Clients[Roles.Evaluator];
        var compliance = await evaluator.GetStringAsync("/Dashboard/Compliance");
        compliance.ShouldContain("id=\"controls\"");
        var evaluated = await evaluator.GetStringAsync("/Dashboard/Impact");
        evaluated.ShouldNotContain("id=\"impact-spots-withheld\"");
        // A supervisor asking for a control spot's briefing is answered as for a spot that is not published.
        var supervisor = fixture.Clients[Roles.Supervisor];
        (await supervisor.GetAsync($"/Dashboard/Reports?handler=Briefing&id={control[0].Id}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await supervisor.GetAsync($"/Dashboard/Reports?handler=Briefing&id={fixture.TrialSpots.First(s => !s.Control).Id}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Each_role_gets_the_sight_of_a_running_trial_the_table_gives_it()
    {
        var sights = fixture.Host.Service<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<TrialSights>();
        foreach (var role in Roles.All)
        {
            var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "test"));
            var sight = await sights.ForAsync(user) switch
            {
                TrialSight.BySpot => AccessTable.BySpot,
                TrialSight.Totals => AccessTable.Totals,
                TrialSight.TreatedToday => AccessTable.TreatedToday,
                var other => other.ToString(),
            };
            sight.ShouldBe(AccessTable.RoleSight[role], $"role {role}");
        }
        // An evaluator who also patrols evaluates: the arms are theirs to see.
        var both = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, Roles.Supervisor), new Claim(ClaimTypes.Role, Roles.Evaluator)], "test"));
        (await sights.ForAsync(both)).ShouldBe(TrialSight.BySpot);
        var managerWhoSupervises = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, Roles.Manager), new Claim(ClaimTypes.Role, Roles.Supervisor)], "test"));
        (await sights.ForAsync(managerWhoSupervises)).ShouldBe(TrialSight.TreatedToday);
    }

    private IEnumerable<string> Expand(string template)
    {
        var url = template.Replace("{trial}", fixture.Trial.Id.ToString(CultureInfo.InvariantCulture))
            .Replace("{set}", fixture.SetId.ToString(CultureInfo.InvariantCulture))
            .Replace("{year}", fixture.Today.Year.ToString(CultureInfo.InvariantCulture))
            .Replace("{month}", fixture.Today.Month.ToString(CultureInfo.InvariantCulture));
        if (!url.Contains("{control}", StringComparison.Ordinal) && !url.Contains("{lat}", StringComparison.Ordinal))
        {
            yield return url;
            yield break;
        }
        foreach (var spot in fixture.TrialSpots.Where(s => s.Control))
        {
            var centre = fixture.Centres[spot.Id];
            yield return url.Replace("{control}", spot.Id.ToString(CultureInfo.InvariantCulture))
                .Replace("{lat}", centre.Latitude.ToString(CultureInfo.InvariantCulture))
                .Replace("{lon}", centre.Longitude.ToString(CultureInfo.InvariantCulture));
        }
    }
}

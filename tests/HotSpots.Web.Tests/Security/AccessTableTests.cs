using System.Net;
using System.Reflection;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;
using HotSpots.Testing;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace HotSpots.Web.Tests.Security;

/// <summary>
/// Walks every route the app registers (Razor pages, minimal APIs, the Hangfire dashboard, the token endpoint,
/// OpenAPI) and checks it against <see cref="AccessTable"/>, the table against docs/security.md, and each route for
/// real with a signed-in client of every role and an anonymous one.
/// </summary>
public sealed partial class AccessTableTests(AccessTableTests.App fixture) : IClassFixture<AccessTableTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public TestDatabase Database { get; } = TestDatabase.Create("Sqlite");
        public HotSpotsApp Host { get; private set; } = null!;
        public Dictionary<string, HttpClient> Clients { get; } = [];

        /// <summary>A sealed trial of ranked pairs that runs from today: its spots with their arms, and the published set.</summary>
        public TrialView Trial { get; private set; } = null!;
        public IReadOnlyList<TrialSpotArm> TrialSpots { get; private set; } = [];
        public IReadOnlyDictionary<long, GeoPoint> Centres { get; private set; } = new Dictionary<long, GeoPoint>();
        public long SetId { get; private set; }
        public DateOnly Today { get; private set; }

        public async Task InitializeAsync()
        {
            Host = new HotSpotsApp(Database);
            Today = Host.Service<ForceOptions>().PoliceDay(DateTime.UtcNow);
            await using (var scope = Host.Services.CreateAsyncScope())
            {
                var trials = scope.ServiceProvider.GetRequiredService<ITrials>();
                var draft = await trials.CreateAsync(new TrialRequest("Sight check", TrialDesign.RankedBlocks, 0.5, Today, 7, 2, 20261, null, TrialPlans.Harm),
                    "evaluator@demo.hotspots", CancellationToken.None);
                Trial = await trials.SealAsync(draft.Id, "evaluator@demo.hotspots", CancellationToken.None);
                var control = (await trials.PlaceDaysAsync(Trial.Id, CancellationToken.None))
                    .Where(p => p.PoliceDay == Today && p.Arm == TrialArm.Control).Select(p => p.HotspotId).ToHashSet();
                TrialSpots = Trial.Spots.Select(s => new TrialSpotArm(s.HotspotId, s.Code, s.Name, control.Contains(s.HotspotId))).ToList();
            }
            var snapshot = Host.Service<IHotspotSnapshot>().Current;
            SetId = snapshot.Set!.Id;
            Centres = snapshot.Spots.ToDictionary(s => s.Id, s => s.Centre);
            foreach (var account in HotSpots.Web.Demo.DemoOptions.Accounts)
                Clients[account.Role] = await SignedInClient.SignInAsync(Host, account.Email);
            Clients[AccessTable.Anonymous] = Host.CreateClient(new() { AllowAutoRedirect = false });
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            Database.Dispose();
        }
    }

    private sealed record Route(string Path, string Methods, string? Policy, string Source, string? Accepts = null);

    [Fact]
    public void Every_registered_route_has_a_rule_and_names_that_policy()
    {
        var routes = Routes();
        routes.Count.ShouldBeGreaterThan(30);
        var problems = new List<string>();
        foreach (var route in routes)
        {
            if (!AccessTable.Rules.TryGetValue(route.Path, out var rule))
                problems.Add($"{route.Path} ({route.Source}) has no rule: add it to AccessTable.Rules and the table in docs/security.md.");
            else if (route.Policy != rule)
                problems.Add($"{route.Path} names {route.Policy ?? "no policy"}, but the access table says {rule}.");
        }
        foreach (var path in AccessTable.Rules.Keys.Except(routes.Select(r => r.Path), StringComparer.OrdinalIgnoreCase))
            problems.Add($"{path} is in the access table but the app does not register it.");
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_policy_admits_exactly_the_roles_the_table_gives_it()
    {
        var authorization = fixture.Host.Service<IAuthorizationService>();
        foreach (var (policy, roles) in AccessTable.PolicyRoles.Where(p => p.Key != AccessTable.Anonymous))
            foreach (var role in Roles.All)
            {
                var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "test"));
                var result = await authorization.AuthorizeAsync(user, null, policy);
                result.Succeeded.ShouldBe(roles.Contains(role), $"policy {policy}, role {role}");
            }
    }

    [Fact]
    public void The_table_in_docs_security_md_matches_the_access_table()
    {
        var expected = Routes().GroupBy(r => r.Path, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .OrderBy(r => r.Path.StartsWith("/api", StringComparison.Ordinal) || !char.IsUpper(r.Path.ElementAtOrDefault(1)))
            .ThenBy(r => r.Path, StringComparer.Ordinal)
            .Select(DocRow).ToList();
        var doc = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "security.md"))
            .Where(l => l.StartsWith("| `/", StringComparison.Ordinal)).Select(Normalise).ToList();
        var missing = expected.Except(doc).ToList();
        var extra = doc.Except(expected).ToList();
        (missing.Count + extra.Count).ShouldBe(0,
            $"docs/security.md differs from the access table.\nRows it lacks:\n{string.Join('\n', missing)}\nRows it has that the app does not:\n{string.Join('\n', extra)}\n" +
            $"The whole table, as the code has it:\n{Header}\n{string.Join('\n', expected.Select(r => $"| {r} |"))}");
    }

    [Fact]
    public async Task Each_route_lets_in_the_roles_it_allows_and_refuses_the_others()
    {
        var failures = new List<string>();
        foreach (var route in Routes().GroupBy(r => r.Path, StringComparer.OrdinalIgnoreCase).Select(g => g.First()))
        {
            var rule = AccessTable.Rules.GetValueOrDefault(route.Path);
            if (rule is null) continue; // reported by the first test
            var url = Sample(route.Path);
            foreach (var (who, client) in fixture.Clients)
            {
                var allowed = rule == AccessTable.Anonymous || AccessTable.ByNetwork.Contains(rule) || (who != AccessTable.Anonymous && AccessTable.PolicyRoles[rule].Contains(who));
                using var request = new HttpRequestMessage(route.Methods is "POST" ? HttpMethod.Post : HttpMethod.Get, url);
                // A body of the type the endpoint accepts, so that it is matched (a wrong content type is refused before authorization).
                if (request.Method == HttpMethod.Post)
                    request.Content = route.Accepts is "multipart/form-data"
                        ? new MultipartFormDataContent { { new StringContent("x"), "file", "x.csv" } }
                        : new StringContent("{}", Encoding.UTF8, route.Accepts ?? "application/json");
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                var sentToSignIn = response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/SignIn?ReturnUrl=", StringComparison.OrdinalIgnoreCase);
                var refused = status is 401 or 403 || sentToSignIn || location.Contains("/Account/Authenticator", StringComparison.OrdinalIgnoreCase);
                if (allowed && (refused || status >= 500 || status == 429))
                    failures.Add($"{who} should reach {request.Method} {url} but got {status} {location}");
                if (!allowed && !refused)
                    failures.Add($"{who} should be refused {request.Method} {url} but got {status} {location}");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task No_page_serves_inline_script_and_every_response_carries_the_security_headers()
    {
        var failures = new List<string>();
        var pages = 0;
        foreach (var route in Routes().Where(r => r.Methods is not "POST").GroupBy(r => r.Path, StringComparer.OrdinalIgnoreCase).Select(g => g.First()))
            foreach (var (who, client) in fixture.Clients)
            {
                using var response = await client.GetAsync(Sample(route.Path));
                var csp = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : "";
                var scripts = csp.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal));
                if (scripts is null || scripts.Contains("unsafe", StringComparison.Ordinal) || !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
                    failures.Add($"{route.Path} as {who}: CSP '{csp}'");
                foreach (var (header, value) in new[] { ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"), ("Referrer-Policy", "same-origin") })
                    if (!response.Headers.TryGetValues(header, out var v) || v.Single() != value)
                        failures.Add($"{route.Path} as {who}: {header} missing");
                if (!response.Headers.TryGetValues("Permissions-Policy", out var permissions) || !permissions.Single().Contains("geolocation=(self)", StringComparison.Ordinal))
                    failures.Add($"{route.Path} as {who}: Permissions-Policy missing");
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                pages++;
                var html = await response.Content.ReadAsStringAsync();
                foreach (Match script in InlineScript().Matches(html))
                    failures.Add($"{route.Path} as {who}: inline script {script.Value}");
                foreach (Match handler in InlineHandler().Matches(html))
                    failures.Add($"{route.Path} as {who}: inline event handler {handler.Value}");
            }
        pages.ShouldBeGreaterThan(50);
        failures.ShouldBeEmpty();
    }

    /// <summary>A script element without a src attribute (JSON data blocks are not run, so they are allowed).</summary>
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?![^>]*type=""application/(ld\+)?json"")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\s(on[a-z]+)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    internal const string Header = "| Route | Methods | Policy | Anyone | Officer | Supervisor | Analyst | Manager | Evaluator | Admin |\n|---|---|---|---|---|---|---|---|---|---|";

    private static string DocRow(Route route)
    {
        var rule = AccessTable.Rules.GetValueOrDefault(route.Path) ?? "(none)";
        var roles = AccessTable.PolicyRoles.GetValueOrDefault(rule) ?? [];
        var may = route.Methods switch { "GET" => "read", "POST" => "change", _ => "read, change" };
        // Where a route can name hot spots, each role's cell also says what it sees of a running trial's arms.
        var sees = AccessTable.ShowsSpots.ContainsKey(route.Path);
        var cells = new[] { rule == AccessTable.Anonymous || AccessTable.ByNetwork.Contains(rule) ? may : "–" }
            .Concat(Roles.All.Select(r => !roles.Contains(r) ? "–" : sees ? $"{may}: {AccessTable.RoleSight[r]}" : may));
        return Normalise($"| `{route.Path}` | {route.Methods} | {rule} | {string.Join(" | ", cells)} |");
    }

    private static string Normalise(string row) => string.Join(" | ", row.Trim().Trim('|').Split('|').Select(c => c.Trim()));

    private static string Sample(string path)
    {
        var url = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]*\}", m => m.Value switch
        {
            "{code:int}" => "404",
            "{documentName}" => "v1",
            _ when m.Value.EndsWith("?}", StringComparison.Ordinal) || m.Value.StartsWith("{**", StringComparison.Ordinal) => "",
            _ => "999999",
        });
        return url.Length > 1 ? url.TrimEnd('/') : url;
    }

    /// <summary>Every route endpoint, with its methods and the policy its page model or endpoint names.</summary>
    private List<Route> Routes()
    {
        var routes = new List<Route>();
        var web = typeof(Policies).Assembly;
        foreach (var endpoint in fixture.Host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (path.Length > 1) path = path.TrimEnd('/');
            if (path.EndsWith("/Index", StringComparison.OrdinalIgnoreCase)) path = path[..^"/Index".Length];
            if (path.Length == 0) path = "/";
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page)
            {
                var model = web.GetType("HotSpots.Web.Pages" + page.ViewEnginePath.Replace('/', '.') + "Model")
                    ?? throw new InvalidOperationException($"No page model for {page.ViewEnginePath}.");
                var handlers = model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name).ToList();
                var methods = string.Join(", ", new[] { "GET", "POST" }.Where(v => handlers.Any(h => h.StartsWith("On" + v[0] + v[1..].ToLowerInvariant(), StringComparison.Ordinal))));
                routes.Add(new Route(path, methods, PolicyOf(model.GetCustomAttributes(true)), $"page {page.ViewEnginePath}"));
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } verbs
                    ? string.Join(", ", verbs.OrderBy(v => v == "GET" ? 0 : 1)) : "any";
                routes.Add(new Route(path, methods, PolicyOf(endpoint.Metadata), endpoint.DisplayName ?? path,
                    endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.FirstOrDefault()));
            }
        }
        return routes;
    }

    private static string? PolicyOf(IEnumerable<object> metadata)
    {
        var items = metadata.ToList();
        if (items.OfType<IAllowAnonymous>().Any()) return AccessTable.Anonymous;
        return items.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
    }
}

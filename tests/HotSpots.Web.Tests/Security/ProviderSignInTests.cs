using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform.Audit;
using HotSpots.Testing;
using HotSpots.Web.Accounts;
using HotSpots.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace HotSpots.Web.Tests.Security;

/// <summary>
/// Signing in with the force's identity provider, end to end over real sockets: a real OpenID Connect provider
/// (<see cref="TestIdentityProvider"/>) on one port, the app over https on another, and one cookie-keeping client that
/// follows every redirect: the sign-in page's link, the provider, /signin-oidc, the app's own page.
/// </summary>
public sealed partial class ProviderSignInTests(ProviderSignInTests.Force force) : IClassFixture<ProviderSignInTests.Force>
{
    private const string ButtonText = "Sign in with Test Constabulary";
    private static readonly string[] Password = ["pwd"];
    private static readonly string[] PasswordAndMfa = ["pwd", "mfa"];

    /// <summary>The provider and the app configured to use it, shared by the tests (each signs in a person of its own).</summary>
    public sealed class Force : IAsyncLifetime
    {
        public TestDatabase Database { get; } = TestDatabase.Create("Sqlite");
        public X509Certificate2 Certificate { get; } = LoopbackCertificate.Create();
        public TestIdentityProvider Provider { get; private set; } = null!;
        public HotSpotsApp Host { get; private set; } = null!;
        public Uri Address { get; private set; } = null!;

        public async Task InitializeAsync() => (Provider, Host, Address) = await StartAsync(Database, Certificate, requireMfa: true);

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Provider.DisposeAsync();
            Database.Dispose();
            Certificate.Dispose();
        }
    }

    [Fact]
    public async Task An_officer_given_the_role_by_a_group_signs_in_reaches_the_officer_pages_and_is_refused_the_managers()
    {
        var person = new ProviderPerson("sub-officer-1", "pc.jones@test.police", ["grp-officers"], Password);
        var (client, final, visited) = await SignInThroughProviderAsync(person);

        final.StatusCode.ShouldBe(HttpStatusCode.OK, Describe(visited));
        visited.ShouldContain(u => u.Port == force.Provider.Address.Port && u.AbsolutePath == "/connect/authorize");
        visited.ShouldContain(u => u.Port == force.Address.Port && u.AbsolutePath == "/signin-oidc");
        (await client.GetAsync("/Officer/Patrols")).StatusCode.ShouldBe(HttpStatusCode.OK); // /Officer first shows a new officer the guide
        (await client.GetAsync("/Manager")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/Dashboard/Crimes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var scope = force.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = (await users.FindByLoginAsync(force.Provider.Address.ToString(), "sub-officer-1")).ShouldNotBeNull();
        user.Email.ShouldBe("pc.jones@test.police");
        (await users.GetRolesAsync(user)).ShouldBe([Roles.Officer]);
        (await users.HasPasswordAsync(user)).ShouldBeFalse();

        var audit = await AuditAsync("pc.jones@test.police");
        audit.ShouldContain(e => e.Action == "account.create" && e.Details!.StartsWith("roles Officer; linked to", StringComparison.Ordinal)
                                 && e.Details.Contains("sub-officer-1", StringComparison.Ordinal));
        audit.ShouldNotContain(e => e.Action == "account.roles-change"); // made with its roles
        var signIn = audit.Single(e => e.Action == "account.sign-in-provider");
        signIn.Details.ShouldBe($"provider {force.Provider.Address}; roles Officer; multi-factor at the provider: no");
    }

    [Fact]
    public async Task A_manager_whose_provider_confirms_multi_factor_reaches_the_dashboard_without_an_authenticator_code()
    {
        var person = new ProviderPerson("sub-manager-mfa", "ch.insp.khan@test.police", ["grp-managers"], PasswordAndMfa);
        var (client, final, visited) = await SignInThroughProviderAsync(person);

        final.StatusCode.ShouldBe(HttpStatusCode.OK, Describe(visited));
        visited.ShouldNotContain(u => u.AbsolutePath.StartsWith("/Account/TwoFactor", StringComparison.OrdinalIgnoreCase)
            || u.AbsolutePath.StartsWith("/Account/Authenticator", StringComparison.OrdinalIgnoreCase));
        var dashboard = await client.GetAsync("/Manager");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK, dashboard.Headers.Location?.ToString());
        (await client.GetAsync("/Dashboard/Compliance")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/Officer")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AuditAsync("ch.insp.khan@test.police")).Single(e => e.Action == "account.sign-in-provider")
            .Details!.ShouldEndWith("roles Manager; multi-factor at the provider: yes");
    }

    [Fact]
    public async Task A_manager_whose_provider_does_not_confirm_multi_factor_is_refused_with_the_reason()
    {
        var person = new ProviderPerson("sub-manager-pwd", "supt.owen@test.police", ["grp-managers"], Password);
        var (client, final, visited) = await SignInThroughProviderAsync(person);

        final.StatusCode.ShouldBe(HttpStatusCode.Forbidden, Describe(visited));
        var page = WebUtility.HtmlDecode(await final.Content.ReadAsStringAsync());
        page.ShouldContain("Your role (Manager) needs multi-factor sign-in");
        (await client.GetAsync("/Manager")).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        (await AuditAsync("supt.owen@test.police")).ShouldHaveSingleItem().Action.ShouldBe("account.sign-in-refused");
        (await FindUserAsync("supt.owen@test.police")).ShouldBeNull();
    }

    [Fact]
    public async Task A_person_whose_groups_give_no_role_is_refused_and_no_account_is_made()
    {
        var person = new ProviderPerson("sub-stranger", "clerk.price@test.police", ["grp-finance", "grp-all-staff"], PasswordAndMfa);
        var (client, final, visited) = await SignInThroughProviderAsync(person);

        final.StatusCode.ShouldBe(HttpStatusCode.Forbidden, Describe(visited));
        WebUtility.HtmlDecode(await final.Content.ReadAsStringAsync()).ShouldContain("Your force account gives you no role in HotSpots");
        (await client.GetAsync("/")).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        (await FindUserAsync("clerk.price@test.police")).ShouldBeNull();
        var refusal = (await AuditAsync("clerk.price@test.police")).ShouldHaveSingleItem();
        refusal.Action.ShouldBe("account.sign-in-refused");
        refusal.Details.ShouldBe("force identity provider: no HotSpots role for the groups claim");
    }

    [Fact]
    public async Task A_role_taken_away_at_the_provider_is_gone_at_the_next_sign_in()
    {
        var both = new ProviderPerson("sub-sergeant", "ps.ali@test.police", ["grp-officers", "grp-supervisors"], Password);
        var (first, _, firstVisits) = await SignInThroughProviderAsync(both);
        (await first.GetAsync("/Supervisor")).StatusCode.ShouldBe(HttpStatusCode.OK, Describe(firstVisits));

        var (second, final, visited) = await SignInThroughProviderAsync(both with { Groups = ["grp-officers"] });
        final.StatusCode.ShouldBe(HttpStatusCode.OK, Describe(visited));
        (await second.GetAsync("/Supervisor")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await second.GetAsync("/Officer/Patrols")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A change of roles ends the account's other sessions at their next request: the first one is sent to sign in again.
        foreach (var page in new[] { "/Supervisor", "/Officer" })
        {
            var old = await first.GetAsync(page);
            old.StatusCode.ShouldBe(HttpStatusCode.Found, page);
            old.Headers.Location!.OriginalString.ShouldContain("/Account/SignIn", Case.Insensitive, page);
        }

        var user = (await FindUserAsync("ps.ali@test.police")).ShouldNotBeNull();
        await using var scope = force.Host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().GetRolesAsync(user)).ShouldBe([Roles.Officer]);
        var changes = (await AuditAsync("ps.ali@test.police")).Where(e => e.Action == "account.roles-change").Select(e => e.Details).ToList();
        changes.ShouldContain("from the force's identity provider: added none; removed Supervisor");
        (await AuditAsync("ps.ali@test.police")).Count(e => e.Action == "account.sign-in-provider").ShouldBe(2);
        (await AuditAsync("ps.ali@test.police")).Count(e => e.Action == "account.create").ShouldBe(1);
    }

    [Fact]
    public async Task Team_and_collar_number_follow_the_providers_claims_at_every_sign_in_and_each_change_is_audited()
    {
        var sergeant = new ProviderPerson("sub-sergeant-claims", "ps.dana.ali@test.police", ["grp-officers", "grp-supervisors"], Password,
            new Dictionary<string, string> { ["name"] = "Sgt Dana Ali", ["team"] = "Response C", ["employee_id"] = "4417" });
        var (_, first, firstVisits) = await SignInThroughProviderAsync(sergeant);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, Describe(firstVisits));
        var user = (await FindUserAsync("ps.dana.ali@test.police")).ShouldNotBeNull();
        var record = (await force.Host.Service<IWorkforce>().FindOfficerAsync(user.Id, CancellationToken.None)).ShouldNotBeNull();
        (record.DisplayName, record.CollarNumber, record.TeamName, record.Supervisor).ShouldBe(("Sgt Dana Ali", "4417", "Response C", true));

        // Moved to another team with a new collar number at the provider: so here, at the next sign-in (the new team is made).
        var (_, second, secondVisits) = await SignInThroughProviderAsync(sergeant with
        {
            Extra = new Dictionary<string, string> { ["name"] = "Dana Ali", ["team"] = "response d", ["employee_id"] = "5120" },
        });
        second.StatusCode.ShouldBe(HttpStatusCode.OK, Describe(secondVisits));
        record = (await force.Host.Service<IWorkforce>().FindOfficerAsync(user.Id, CancellationToken.None)).ShouldNotBeNull();
        (record.DisplayName, record.CollarNumber, record.TeamName, record.Supervisor).ShouldBe(("Sgt Dana Ali", "5120", "response d", true));

        // The same claims again change nothing; no team claim and no supervisor role: out of the team, no longer its supervisor.
        await SignInThroughProviderAsync(sergeant with { Extra = new Dictionary<string, string> { ["team"] = "Response D", ["employee_id"] = "5120" } });
        await SignInThroughProviderAsync(sergeant with { Groups = ["grp-officers"], Extra = new Dictionary<string, string> { ["employee_id"] = "5120" } });
        record = (await force.Host.Service<IWorkforce>().FindOfficerAsync(user.Id, CancellationToken.None)).ShouldNotBeNull();
        (record.CollarNumber, record.TeamId, record.Supervisor).ShouldBe(("5120", (long?)null, false));

        var audit = await force.Host.Service<IAuditLog>().SearchAsync(new(Actor: "ps.dana.ali@test.police"), CancellationToken.None);
        audit.Where(e => e.Action.StartsWith("officer.", StringComparison.Ordinal) || e.Action.StartsWith("team.", StringComparison.Ordinal))
            .Select(e => e.Action).Reverse()
            .ShouldBe(["team.create", "officer.create", "team.create", "officer.update", "officer.update"]);
    }

    [Fact]
    public async Task With_multi_factor_not_required_from_the_provider_a_manager_gives_the_authenticator_code_here_instead()
    {
        using var database = TestDatabase.Create("Sqlite");
        using var certificate = LoopbackCertificate.Create();
        var (provider, host, address) = await StartAsync(database, certificate, requireMfa: false);
        await using var _ = provider;
        await using var __ = host;
        provider.NextPerson = new ProviderPerson("sub-analyst", "analyst.ward@test.police", ["grp-managers"], Password);

        // First time: signed in, but the role needs a second factor, so only enrolment is open.
        var client = new HttpClient(LoopbackCertificate.Trusting(certificate)) { BaseAddress = address };
        var (final, visited) = await FollowAsync(client, new Uri(address, "/Account/External?returnUrl=%2FManager"));
        visited.Last().AbsolutePath.ShouldBe("/Account/Authenticator", Describe(visited));
        var enrolment = await final.Content.ReadAsStringAsync();
        var key = Regex.Match(WebUtility.HtmlDecode(enrolment), "secret=([A-Z2-7]+)").Groups[1].Value;
        key.ShouldNotBeEmpty();
        var enrolled = await client.PostAsync("/Account/Authenticator", SignedInClient.Form(enrolment, ("Code", await AuthenticatorCodes.NextAsync(key, key))));
        enrolled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/Manager")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Next time: the provider's sign-in leads to the code step, and only the code opens the dashboard.
        var phone = new HttpClient(LoopbackCertificate.Trusting(certificate)) { BaseAddress = address };
        var (codePage, codeVisits) = await FollowAsync(phone, new Uri(address, "/Account/External?returnUrl=%2FManager"));
        codeVisits.Last().AbsolutePath.ShouldBe("/Account/TwoFactor", Describe(codeVisits));
        (await phone.GetAsync("/Manager")).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        var form = await codePage.Content.ReadAsStringAsync();
        var right = await phone.PostAsync(codeVisits.Last().PathAndQuery, SignedInClient.Form(form, ("Code", await AuthenticatorCodes.NextAsync(key, key))));
        right.Headers.Location!.OriginalString.ShouldBe("/Manager");
        (await phone.GetAsync("/Manager")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var audit = await host.Service<IAuditLog>().SearchAsync(new(Actor: "analyst.ward@test.police", Action: "account.sign-in-provider"), CancellationToken.None);
        audit.Count.ShouldBe(2);
        audit[0].Details!.ShouldEndWith("; authenticator code asked next");
    }

    [Fact]
    public async Task Without_a_provider_configured_the_sign_in_page_offers_none_and_its_pages_are_not_found()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        (await client.GetStringAsync("/Account/SignIn")).ShouldNotContain("sign-in-provider");
        (await client.GetAsync("/Account/External")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Account/External?handler=Callback")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Authority", "", "Authority must be the provider's address")]
    [InlineData("ClientId", "", "ClientId is missing")]
    [InlineData("Roles:Sergeant:0", "grp-sergeants", "Roles names Sergeant, not one of Officer, Supervisor, Analyst, Manager, Evaluator, Admin")]
    public void Settings_that_could_not_work_stop_the_app_with_the_reason(string setting, string value, string reason)
    {
        var values = new Dictionary<string, string?>
        {
            ["Security:OpenIdConnect:Enabled"] = "true",
            ["Security:OpenIdConnect:Authority"] = "https://login.microsoftonline.com/tenant/v2.0",
            ["Security:OpenIdConnect:ClientId"] = "client",
            ["Security:OpenIdConnect:Roles:Officer:0"] = "grp-officers",
        };
        values["Security:OpenIdConnect:" + setting] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        Should.Throw<InvalidOperationException>(() => SecurityOptions.From(configuration)).Message.ShouldContain(reason);
        values["Security:OpenIdConnect:Enabled"] = "false";
        var off = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        SecurityOptions.From(off).OpenIdConnect.Enabled.ShouldBeFalse();
    }

    private static async Task<(TestIdentityProvider Provider, HotSpotsApp Host, Uri Address)> StartAsync(TestDatabase database, X509Certificate2 certificate, bool requireMfa)
    {
        var provider = await TestIdentityProvider.StartAsync();
        var host = new HotSpotsApp(database, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            // Sessions are checked against the account on every request, so that a role change shows at once.
            ["Security:SecurityStampCheckMinutes"] = "0",
            ["Security:OpenIdConnect:Enabled"] = "true",
            ["Security:OpenIdConnect:Authority"] = provider.Address.ToString(),
            ["Security:OpenIdConnect:ClientId"] = TestIdentityProvider.ClientId,
            ["Security:OpenIdConnect:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["Security:OpenIdConnect:DisplayName"] = ButtonText,
            ["Security:OpenIdConnect:RoleClaim"] = TestIdentityProvider.GroupsClaim,
            ["Security:OpenIdConnect:TeamClaim"] = "team",
            ["Security:OpenIdConnect:CollarClaim"] = "employee_id",
            ["Security:OpenIdConnect:Roles:Officer:0"] = "grp-officers",
            ["Security:OpenIdConnect:Roles:Supervisor:0"] = "grp-supervisors",
            ["Security:OpenIdConnect:Roles:Manager:0"] = "grp-managers",
            ["Security:OpenIdConnect:RequireMfa"] = requireMfa ? "true" : "false",
            // The test provider is plain http on this machine; a real one is https.
            ["Security:OpenIdConnect:RequireHttpsMetadata"] = "false",
        });
        var address = host.StartOnRealHttpsPort(certificate);
        await provider.RegisterClientAsync(new Uri(address, "/signin-oidc"));
        return (provider, host, address);
    }

    /// <summary>A new browser: loads the sign-in page, follows its provider link and every redirect after it.</summary>
    private async Task<(HttpClient Client, HttpResponseMessage Final, List<Uri> Visited)> SignInThroughProviderAsync(ProviderPerson person)
    {
        force.Provider.NextPerson = person;
        var client = new HttpClient(LoopbackCertificate.Trusting(force.Certificate)) { BaseAddress = force.Address };
        var signInPage = await client.GetStringAsync("/Account/SignIn");
        var link = ProviderLink().Match(signInPage);
        link.Success.ShouldBeTrue("the sign-in page has no provider link");
        link.Groups["text"].Value.ShouldBe(ButtonText);
        var (final, visited) = await FollowAsync(client, new Uri(force.Address, WebUtility.HtmlDecode(link.Groups["href"].Value)));
        return (client, final, visited);
    }

    private static async Task<(HttpResponseMessage Final, List<Uri> Visited)> FollowAsync(HttpClient client, Uri start)
    {
        var visited = new List<Uri>();
        var url = start;
        for (var hop = 0; hop < 12; hop++)
        {
            visited.Add(url);
            var response = await client.GetAsync(url);
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location) return (response, visited);
            url = new Uri(url, location);
            response.Dispose();
        }
        throw new InvalidOperationException($"Too many redirects: {Describe(visited)}");
    }

    private async Task<IReadOnlyList<AuditRecordView>> AuditAsync(string actor) =>
        await force.Host.Service<IAuditLog>().SearchAsync(new(Actor: actor, Action: "account."), CancellationToken.None);

    private async Task<IdentityUser?> FindUserAsync(string email)
    {
        await using var scope = force.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email);
    }

    private static string Describe(IEnumerable<Uri> visited) => "visited " + string.Join(" → ", visited.Select(u => $"{u.Port}{u.PathAndQuery.Split('?')[0]}"));

    [GeneratedRegex("id=\"sign-in-provider\" href=\"(?<href>[^\"]+)\">(?<text>[^<]+)</a>")]
    private static partial Regex ProviderLink();
}

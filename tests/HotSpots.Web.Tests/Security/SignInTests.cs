using System.Net;
using System.Text.RegularExpressions;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Testing;
using HotSpots.Web.Accounts;
using HotSpots.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Time.Testing;

namespace HotSpots.Web.Tests.Security;

public sealed partial class SignInTests
{
    private const string Password = "violet-lamp-harbour-88";

    [Theory]
    [InlineData(Roles.Analyst, "/Analyst")]
    [InlineData(Roles.Manager, "/Manager")]
    [InlineData(Roles.Evaluator, "/Trials")]
    [InlineData(Roles.Admin, "/Admin/Audit")]
    public async Task A_role_that_needs_two_factor_reaches_nothing_but_enrolment_until_it_has_set_it_up(string role, string page)
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var email = $"new-{role.ToLowerInvariant()}@test.hotspots";
        await CreateUserAsync(app, email, role);
        var client = await SignedInClient.SignInAsync(app, email, Password);

        var blocked = await client.GetAsync(page);
        blocked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        blocked.Headers.Location!.OriginalString.ShouldBe("/Account/Authenticator");
        (await client.GetAsync("/")).Headers.Location!.OriginalString.ShouldBe("/Account/Authenticator");
        (await client.GetAsync("/api/hotspots/near?lat=51.45&lon=-0.97")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var enrolment = await client.GetStringAsync("/Account/Authenticator");
        enrolment.ShouldContain("Your role needs two-factor sign-in");
        var uri = WebUtility.HtmlDecode(OtpUri().Match(enrolment).Value);
        uri.ShouldStartWith($"otpauth://totp/HotSpots:{Uri.EscapeDataString(email)}?secret=");
        var key = Regex.Match(uri, "secret=([A-Z2-7]+)").Groups[1].Value;
        key.Length.ShouldBeGreaterThanOrEqualTo(16);

        var wrong = await client.PostAsync("/Account/Authenticator", SignedInClient.Form(enrolment, ("Code", "000000")));
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("That code is not right");
        (await client.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var enrolled = await client.PostAsync("/Account/Authenticator", SignedInClient.Form(enrolment, ("Code", await SignedInClient.NextCodeAsync(app, email, key))));
        enrolled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // From now on the password alone is not enough: a fresh sign-in asks for the code.
        await Should.ThrowAsync<InvalidOperationException>(() => SignedInClient.SignInAsync(app, email, Password, authenticatorKey: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        var again = await SignedInClient.SignInAsync(app, email, Password, authenticatorKey: key);
        (await again.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_enrolment_page_draws_the_users_otpauth_address_as_a_QR_code_and_still_runs_no_inline_script()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        const string email = "new-manager@test.hotspots";
        await CreateUserAsync(app, email, Roles.Manager);
        var client = await SignedInClient.SignInAsync(app, email, Password);

        var response = await client.GetAsync("/Account/Authenticator");
        var page = await response.Content.ReadAsStringAsync();
        var uri = WebUtility.HtmlDecode(OtpUri().Match(page).Value);
        uri.ShouldStartWith($"otpauth://totp/HotSpots:{Uri.EscapeDataString(email)}?secret=");
        var qr = AuthenticatorQrCode.Svg(uri);
        qr.ShouldStartWith("<svg");
        page.ShouldContain(qr);
        page.ShouldContain("id=\"authenticator-qr\"");
        AuthenticatorQrCode.Svg(uri.Replace("secret=", "secret=A", StringComparison.Ordinal)).ShouldNotBe(qr);
        // The key stays readable as text for apps that cannot scan.
        page.ShouldContain("id=\"authenticator-key\"");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var scripts = csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        scripts.ShouldBe("script-src 'self'");
        Regex.IsMatch(page, @"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase).ShouldBeFalse();
        qr.ShouldNotContain("<script", Case.Insensitive);
    }

    [Theory]
    [InlineData(Roles.Officer, "/Officer/Patrols")]
    [InlineData(Roles.Supervisor, "/Supervisor")]
    public async Task Officers_and_supervisors_may_sign_in_with_a_password_alone(string role, string page)
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var email = $"new-{role.ToLowerInvariant()}@test.hotspots";
        await CreateUserAsync(app, email, role);
        var client = await SignedInClient.SignInAsync(app, email, Password);
        (await client.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_the_password_an_enrolled_user_has_no_session_until_the_code_is_given()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Account/SignIn");
        var response = await client.PostAsync("/Account/SignIn", SignedInClient.Form(form, ("Email", "analyst@demo.hotspots"), ("Password", SignedInClient.DemoPassword)));
        response.Headers.Location!.OriginalString.ShouldStartWith("/Account/TwoFactor");
        var analyst = await client.GetAsync("/Analyst");
        analyst.Headers.Location!.OriginalString.ShouldContain("/Account/SignIn?ReturnUrl=");

        var codePage = await client.GetStringAsync(response.Headers.Location.OriginalString);
        var wrong = await client.PostAsync("/Account/TwoFactor", SignedInClient.Form(codePage, ("Code", "123456")));
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("That code is not right");
        var right = await client.PostAsync("/Account/TwoFactor", SignedInClient.Form(codePage, ("Code", await SignedInClient.NextCodeAsync(app, "analyst@demo.hotspots"))));
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/Analyst")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_in_and_token_requests_beyond_the_limit_get_429_with_retry_after()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?>
        {
            ["Security:SignInPerMinute"] = "3",
            ["Security:TokenPerMinute"] = "2",
            ["Api:AllowHttp"] = "true",
        });
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Account/SignIn");
        for (var i = 0; i < 3; i++)
        {
            var attempt = await client.PostAsync("/Account/SignIn", SignedInClient.Form(form, ("Email", "nobody@test.hotspots"), ("Password", "wrong-password-here")));
            attempt.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var refused = await client.PostAsync("/Account/SignIn", SignedInClient.Form(form, ("Email", "officer@demo.hotspots"), ("Password", SignedInClient.DemoPassword)));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(1, 60);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Too many sign-in attempts");
        // The page itself still loads: only attempts are counted.
        (await client.GetAsync("/Account/SignIn")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var token = () => client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = "guess",
        }));
        (await token()).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await token()).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        var tokenRefused = await token();
        tokenRefused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        tokenRefused.Headers.Contains("Retry-After").ShouldBeTrue();
    }

    [Theory]
    [InlineData("short-1", false)]
    [InlineData("password1234", false)]
    [InlineData("Password1234!", false)]
    [InlineData("P@ssw0rd2024!", false)]
    [InlineData("qwertyuiop12", false)]
    [InlineData("123456789012", false)]
    [InlineData("aaaaaaaaaaaa", false)]
    [InlineData("Summer2024!!", false)]
    [InlineData("Policing-2026", false)]
    [InlineData("jo.patel-1234", false)]
    [InlineData("violet-lamp-harbour-88", true)]
    [InlineData("Demo-Patrol-2026", true)]
    public async Task The_password_policy_wants_twelve_characters_that_are_not_a_common_password(string password, bool accepted)
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var result = await users.CreateAsync(new IdentityUser { UserName = "jo.patel@test.hotspots", Email = "jo.patel@test.hotspots" }, password);
        result.Succeeded.ShouldBe(accepted, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_other_sessions_of_the_user()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Security:SecurityStampCheckMinutes"] = "0" });
        var phone = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        var desk = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        var other = await SignedInClient.SignInAsync(app, "supervisor@demo.hotspots");
        (await phone.GetAsync("/Officer")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await desk.GetStringAsync("/Account/Authenticator");
        var everywhere = await desk.PostAsync("/Account/Authenticator?handler=Everywhere", SignedInClient.Form(page));
        everywhere.Headers.Location!.OriginalString.ShouldBe("/Account/SignIn");

        (await phone.GetAsync("/Officer")).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        (await desk.GetAsync("/Officer")).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        (await other.GetAsync("/Officer")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var audit = await app.Service<HotSpots.Platform.Audit.IAuditLog>().SearchAsync(new(Action: "account.sign-out-everywhere"), CancellationToken.None);
        audit.ShouldHaveSingleItem().Actor.ShouldBe("officer@demo.hotspots");
    }

    [Fact]
    public async Task A_two_factor_session_keeps_its_second_factor_when_the_security_stamp_is_checked()
    {
        using var database = TestDatabase.Create("Sqlite");
        // Checked on every request: each one rebuilds the session's claims from the account.
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Security:SecurityStampCheckMinutes"] = "0" });
        var manager = await SignedInClient.SignInAsync(app, "manager@demo.hotspots");
        for (var i = 0; i < 3; i++)
        {
            var dashboard = await manager.GetAsync("/Manager");
            dashboard.StatusCode.ShouldBe(HttpStatusCode.OK, $"request {i + 1}: {dashboard.Headers.Location}");
        }
    }

    [Fact]
    public async Task A_session_ends_after_the_idle_timeout_but_not_while_it_is_used()
    {
        using var database = TestDatabase.Create("Sqlite");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Security:IdleTimeoutMinutes"] = "30" }, clock);
        var officer = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            (await officer.GetAsync("/Officer")).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {(i + 1) * 20} minutes of use");
        }
        clock.Advance(TimeSpan.FromMinutes(31));
        (await officer.GetAsync("/Officer")).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
    }

    private static async Task CreateUserAsync(HotSpotsApp app, string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IUserAdministration>().EnsureUserAsync(email, Password, "test", role);
    }

    [GeneratedRegex("otpauth://totp/[^\"<]+")]
    private static partial Regex OtpUri();
}

using System.Net;
using System.Text.RegularExpressions;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform.Audit;
using HotSpots.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace HotSpots.Web.Tests.Security;

/// <summary>
/// Sessions end on the server: signing out (the header's form, on every layout), and signing out everywhere, make the
/// cookie worthless at once, also a copy of it kept elsewhere; a GET of the sign-out address never claims to sign out.
/// An authenticator code is taken once. Sign-in answers a wrong password, a locked account and an unknown email alike.
/// </summary>
public sealed partial class SessionTests
{
    [Theory]
    [InlineData("officer@demo.hotspots", "/Officer", "/api/hotspots/near?lat=51.4545&lon=-0.973")]
    [InlineData("supervisor@demo.hotspots", "/Supervisor", "/api/supervisor/live")]
    [InlineData("analyst@demo.hotspots", "/Dashboard/People", null)]
    public async Task The_headers_sign_out_form_signs_out_and_a_saved_copy_of_the_cookie_is_refused_afterwards(string email, string page, string? api)
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var jar = new CookieContainer();
        var browser = app.CreateDefaultClient(new CookieContainerHandler(jar));
        await browser.SignInWithAsync(database.Folder.Path, email);
        var html = await browser.GetStringAsync(page);
        var saved = jar.GetCookieHeader(app.Server.BaseAddress);
        saved.ShouldContain("hotspots.auth=");

        // The form as the page draws it: its action, and every field it carries.
        var form = SignOutForm().Match(html);
        form.Success.ShouldBeTrue("the page has no sign-out form in its header");
        var fields = HiddenField().Matches(form.Groups["body"].Value).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        var signedOut = await browser.PostAsync(WebUtility.HtmlDecode(form.Groups["action"].Value), new FormUrlEncodedContent(fields));
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedOut.Content.ReadAsStringAsync());
        signedOut.Headers.Location!.OriginalString.ShouldStartWith("/Account/SignIn");
        (await browser.GetAsync(page)).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");

        // Someone who copied the cookie before: refused on the page and on the API.
        var copy = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", saved);
        var again = await copy.GetAsync(page);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the saved cookie still opened the page after signing out");
        again.Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        if (api is not null) (await copy.GetAsync(api)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    // Two nodes need PostgreSQL: a SQLite database is one node's (its data directory is locked to one running app), and
    // that one node is covered by the test above.
    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_saved_cookie_is_refused_on_every_node()
    {
        using var database = TestDatabase.Create("Postgres");
        using var dataB = new TempDirectory("hotspots-node-b");
        await using var nodeA = new HotSpotsApp(database);
        _ = nodeA.Services;
        await using var nodeB = new HotSpotsApp(database, new Dictionary<string, string?> { ["HOTSPOTS_DATA_DIR"] = dataB.Path, ["Demo:Enabled"] = "false" });
        var jar = new CookieContainer();
        var browser = nodeA.CreateDefaultClient(new CookieContainerHandler(jar));
        await browser.SignInWithAsync(database.Folder.Path, "supervisor@demo.hotspots");
        var token = MetaToken().Match(await browser.GetStringAsync("/Supervisor")).Groups[1].Value;
        var saved = jar.GetCookieHeader(nodeA.Server.BaseAddress);
        var onB = nodeB.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        onB.DefaultRequestHeaders.Add("Cookie", saved);
        (await onB.GetAsync("/Supervisor")).StatusCode.ShouldBe(HttpStatusCode.OK, "the session is good on either node");

        var signedOut = await browser.PostAsync("/Account/SignOut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        foreach (var node in new[] { nodeA, nodeB })
        {
            var copy = node.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            copy.DefaultRequestHeaders.Add("Cookie", saved);
            var page = await copy.GetAsync("/Supervisor");
            page.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"the saved cookie still opened /Supervisor on node {(node == nodeA ? "A" : "B")}");
            (await copy.GetAsync("/api/supervisor/live")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_get_of_the_sign_out_address_offers_a_sign_out_button_and_leaves_the_session_as_it_was()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var officer = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        var page = await officer.GetStringAsync("/Account/SignOut");
        page.ShouldNotContain("You are signed out");
        page.ShouldContain("officer@demo.hotspots");
        SignOutButton().IsMatch(page).ShouldBeTrue("no Sign out button on the page");
        (await officer.GetAsync("/Officer")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var visitor = await app.CreateClient(new() { AllowAutoRedirect = false }).GetStringAsync("/Account/SignOut");
        visitor.ShouldNotContain("You are signed out");
        visitor.ShouldContain("You are not signed in");
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_other_sessions_at_once_without_waiting_for_the_stamp_check()
    {
        using var database = TestDatabase.Create("Sqlite");
        // The default stamp check: once a minute.
        await using var app = new HotSpotsApp(database);
        var phone = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        var desk = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        (await phone.GetAsync("/Officer")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await desk.GetStringAsync("/Account/Authenticator");
        (await desk.PostAsync("/Account/Authenticator?handler=Everywhere", SignedInClient.Form(page))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await phone.GetAsync("/Officer")).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        (await phone.GetAsync("/api/hotspots/near?lat=51.4545&lon=-0.973")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_role_taken_away_or_an_account_removed_ends_its_sessions_at_the_next_request()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var officer = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        var supervisor = await SignedInClient.SignInAsync(app, "supervisor@demo.hotspots");
        (await officer.GetAsync("/Officer")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await supervisor.GetAsync("/Supervisor")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
            var o = (await users.FindByEmailAsync("officer@demo.hotspots"))!;
            (await users.RemoveFromRoleAsync(o, Roles.Officer)).Succeeded.ShouldBeTrue();
            var s = (await users.FindByEmailAsync("supervisor@demo.hotspots"))!;
            (await users.DeleteAsync(s)).Succeeded.ShouldBeTrue();
        }

        // At once, not at the next stamp check a minute later.
        (await officer.GetAsync("/Officer")).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        (await officer.GetAsync("/api/hotspots/near?lat=51.4545&lon=-0.973")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await supervisor.GetAsync("/Supervisor")).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
    }

    [Fact]
    public async Task An_authenticator_code_is_taken_once_and_a_second_use_gets_the_wrong_code_answer()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var code = await SignedInClient.NextCodeAsync(app, "analyst@demo.hotspots");

        var first = await PasswordThenCodeAsync(app, "analyst@demo.hotspots", code);
        first.Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await first.Client.GetAsync("/Analyst")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Someone who saw the code typed in: the password and the same code, within its 30 seconds.
        var replay = await PasswordThenCodeAsync(app, "analyst@demo.hotspots", code);
        replay.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.Response.Content.ReadAsStringAsync()).ShouldContain("That code is not right. Codes change every 30 seconds: enter the one shown now.");
        (await replay.Client.GetAsync("/Analyst")).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");

        // The next step's code still works.
        var next = await PasswordThenCodeAsync(app, "analyst@demo.hotspots", await SignedInClient.NextCodeAsync(app, "analyst@demo.hotspots"));
        next.Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Sign_in_answers_a_wrong_password_a_locked_account_and_an_unknown_email_alike_and_audits_the_lockout()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var unknown = await SignInErrorAsync(app, "nobody.here@demo.hotspots", "Some-Password-1234");
        var wrong = await SignInErrorAsync(app, "officer@demo.hotspots", "Not-The-Password-1");
        unknown.ShouldNotBeNullOrWhiteSpace();
        wrong.ShouldBe(unknown);
        for (var i = 0; i < 4; i++) await SignInErrorAsync(app, "officer@demo.hotspots", "Not-The-Password-1");
        // Locked now: even the right password gets the same answer.
        var locked = await SignInErrorAsync(app, "officer@demo.hotspots", SignedInClient.DemoPassword);
        locked.ShouldBe(unknown);
        unknown.ShouldNotContain("locked after");

        var audit = app.Service<IAuditLog>();
        (await audit.SearchAsync(new(Action: "account.lockout"), CancellationToken.None)).ShouldHaveSingleItem().Subject.ShouldBe("user officer@demo.hotspots");
        (await audit.SearchAsync(new(Action: "account.sign-in-refused"), CancellationToken.None)).ShouldHaveSingleItem().Details!.ShouldContain("locked");
    }

    private static async Task<string> SignInErrorAsync(HotSpotsApp app, string email, string password)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Account/SignIn");
        var response = await client.PostAsync("/Account/SignIn", SignedInClient.Form(form, ("Email", email), ("Password", password)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{email}: {response.Headers.Location}");
        return WebUtility.HtmlDecode(ErrorLine().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    private static async Task<(HttpClient Client, HttpResponseMessage Response)> PasswordThenCodeAsync(HotSpotsApp app, string email, string code)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Account/SignIn");
        var password = await client.PostAsync("/Account/SignIn", SignedInClient.Form(form, ("Email", email), ("Password", SignedInClient.DemoPassword)));
        password.Headers.Location!.OriginalString.ShouldStartWith("/Account/TwoFactor");
        var codePage = await client.GetStringAsync(password.Headers.Location.OriginalString);
        return (client, await client.PostAsync("/Account/TwoFactor", SignedInClient.Form(codePage, ("Code", code))));
    }

    [GeneratedRegex("""<form[^>]*action="(?<action>[^"]*SignOut[^"]*)"[^>]*>(?<body>.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SignOutForm();

    [GeneratedRegex("""<input[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenField();

    [GeneratedRegex("""<form[^>]*method="post"[^>]*>.*?<button[^>]*>\s*Sign out\s*</button>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SignOutButton();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();

    [GeneratedRegex("""<p class="error" role="alert">([^<]*)</p>""")]
    private static partial Regex ErrorLine();
}

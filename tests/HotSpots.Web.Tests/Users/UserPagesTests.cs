using System.Net;
using System.Text.RegularExpressions;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform.Audit;
using HotSpots.Testing;
using HotSpots.Web.Accounts;

namespace HotSpots.Web.Tests.Users;

/// <summary>
/// The administrator's users pages over HTTP, on the demo force: add a person with a one-time link, the person sets a
/// password through it, disable ends their session at once, a new password link, a reset of two-factor, search and paging.
/// </summary>
public sealed partial class UserPagesTests
{
    private const string Password = "amber-kettle-orchard-42";

    // The default session checks: a changed security stamp ends the account's sessions at their next request.
    private static HotSpotsApp App(TestDatabase database, double? invitationHours = null)
    {
        var settings = new Dictionary<string, string?>();
        if (invitationHours is { } hours) settings["Accounts:InvitationHours"] = hours.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new HotSpotsApp(database, settings);
    }

    [Fact]
    public async Task An_admin_adds_a_person_whose_link_works_once_and_disabling_them_refuses_their_next_request()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = App(database);
        var admin = await SignedInClient.SignInAsync(app, "admin@demo.hotspots");
        var team = (await app.Service<IWorkforce>().ListTeamsAsync(CancellationToken.None)).First();

        var addPage = await admin.GetStringAsync("/Admin/Users/Add");
        addPage.ShouldContain(team.Name);
        var added = await admin.PostAsync("/Admin/Users/Add", SignedInClient.Form(addPage,
            ("Email", "sam.new@force.test"), ("Roles", Roles.Officer), ("Name", "Sam New"), ("TeamId", team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Collar", "4321")));
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        added.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var link = Link(await added.Content.ReadAsStringAsync());
        link.ShouldStartWith("/Account/Invitation?id=");

        // The link is shown once: the users list and the person's page do not show it again.
        var list = await admin.GetStringAsync("/Admin/Users?Search=sam.new");
        list.ShouldContain("sam.new@force.test");
        list.ShouldContain("Invited");
        list.ShouldContain(team.Name);
        list.ShouldNotContain("token=");

        var phone = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var invitation = await phone.GetStringAsync(link);
        invitation.ShouldContain("sam.new@force.test");
        var mismatch = await phone.PostAsync(link, SignedInClient.Form(invitation, ("Password", Password), ("Confirm", Password + "x")));
        (await mismatch.Content.ReadAsStringAsync()).ShouldContain("not the same");
        var weak = await phone.PostAsync(link, SignedInClient.Form(invitation, ("Password", "password1234"), ("Confirm", "password1234")));
        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await phone.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK, "a refused password does not use up the link");

        var accepted = await phone.PostAsync(link, SignedInClient.Form(invitation, ("Password", Password), ("Confirm", Password)));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.OriginalString.ShouldBe("/");
        // A new officer's first visit to the officer pages opens the first-use guide.
        (await phone.GetAsync("/Officer")).Headers.Location!.OriginalString.ShouldBe("/Officer/Guide");
        (await phone.GetAsync("/Officer/Guide")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var officer = (await app.Service<IWorkforce>().ListOfficersAsync(CancellationToken.None)).Single(o => o.DisplayName == "Sam New");
        officer.TeamId.ShouldBe(team.Id);
        officer.CollarNumber.ShouldBe("4321");

        // Used once: the same link is refused, to anyone.
        var again = await app.CreateClient().GetAsync(link);
        again.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await again.Content.ReadAsStringAsync()).ShouldContain("This link cannot be used");

        var person = await admin.GetStringAsync("/Admin/Users?Search=Sam%20New");
        person.ShouldContain("Active");
        person.ShouldNotContain(">never<");
        var userId = UserId(person);
        var confirm = await admin.GetStringAsync($"/Admin/Users/{userId}?confirm=disable");
        confirm.ShouldContain("Disable sam.new@force.test?");
        var disabled = await admin.PostAsync($"/Admin/Users/{userId}?handler=Disable", SignedInClient.Form(confirm));
        (await disabled.Content.ReadAsStringAsync()).ShouldContain("Disabled");

        var refused = await phone.GetAsync("/Officer");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        await Should.ThrowAsync<InvalidOperationException>(() => SignedInClient.SignInAsync(app, "sam.new@force.test", Password));

        var enable = await admin.GetStringAsync($"/Admin/Users/{userId}");
        (await admin.PostAsync($"/Admin/Users/{userId}?handler=Enable", SignedInClient.Form(enable))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var back = await SignedInClient.SignInAsync(app, "sam.new@force.test", Password);
        (await back.GetAsync("/Officer/Patrols")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var audit = app.Service<IAuditLog>();
        foreach (var action in new[] { "account.create", "account.invitation-accepted", "account.disable", "account.enable" })
            (await audit.SearchAsync(new(Action: action, Subject: "user sam.new@force.test"), CancellationToken.None)).ShouldNotBeEmpty(action);
        (await audit.SearchAsync(new(Action: "account.disable"), CancellationToken.None)).Single().Actor.ShouldBe("admin@demo.hotspots");
    }

    [Fact]
    public async Task A_role_that_needs_two_factor_goes_from_the_link_to_enrolment_and_an_admin_cannot_disable_themselves()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = App(database);
        var admin = await SignedInClient.SignInAsync(app, "admin@demo.hotspots");
        var addPage = await admin.GetStringAsync("/Admin/Users/Add");
        var added = await admin.PostAsync("/Admin/Users/Add", SignedInClient.Form(addPage, ("Email", "ana.lyst@force.test"), ("Roles", Roles.Analyst)));
        var link = Link(await added.Content.ReadAsStringAsync());

        var browser = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var invitation = await browser.GetStringAsync(link);
        invitation.ShouldContain("authenticator app");
        var accepted = await browser.PostAsync(link, SignedInClient.Form(invitation, ("Password", Password), ("Confirm", Password)));
        accepted.Headers.Location!.OriginalString.ShouldBe("/Account/Authenticator");
        (await browser.GetAsync("/Analyst")).Headers.Location!.OriginalString.ShouldBe("/Account/Authenticator");

        var self = UserId(await admin.GetStringAsync("/Admin/Users?Search=admin%40demo"));
        var own = await admin.GetStringAsync($"/Admin/Users/{self}");
        own.ShouldNotContain("Disable…");
        // Not offered, and refused when asked all the same.
        var refused = await admin.PostAsync($"/Admin/Users/{self}?handler=Disable", SignedInClient.Form(await admin.GetStringAsync($"/Admin/Users/{self}?confirm=disable")));
        (await refused.Content.ReadAsStringAsync()).ShouldContain("You cannot disable your own account.");
        (await admin.GetAsync("/Admin/Users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_password_link_ends_the_old_password_the_old_link_and_the_sessions_and_a_two_factor_reset_asks_for_enrolment_again()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = App(database);
        var admin = await SignedInClient.SignInAsync(app, "admin@demo.hotspots");
        var manager = await SignedInClient.SignInAsync(app, "manager@demo.hotspots");
        var managerId = UserId(await admin.GetStringAsync("/Admin/Users?Search=manager%40demo"));

        var confirm = await admin.GetStringAsync($"/Admin/Users/{managerId}?confirm=two-factor");
        var reset = await admin.PostAsync($"/Admin/Users/{managerId}?handler=TwoFactor", SignedInClient.Form(confirm));
        (await reset.Content.ReadAsStringAsync()).ShouldContain("Two-factor sign-in is reset");
        (await manager.GetAsync("/Manager")).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        // The demo key no longer works; the password alone now leads to enrolment, which the role needs.
        var again = await SignedInClient.SignInAsync(app, "manager@demo.hotspots");
        (await again.GetAsync("/Manager")).Headers.Location!.OriginalString.ShouldBe("/Account/Authenticator");

        var officer = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        var officerId = UserId(await admin.GetStringAsync("/Admin/Users?Search=officer%40demo"));
        var first = Link(await (await admin.PostAsync($"/Admin/Users/{officerId}?handler=Password",
            SignedInClient.Form(await admin.GetStringAsync($"/Admin/Users/{officerId}?confirm=password")))).Content.ReadAsStringAsync());
        (await officer.GetAsync("/Officer")).Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        await Should.ThrowAsync<InvalidOperationException>(() => SignedInClient.SignInAsync(app, "officer@demo.hotspots"));
        var second = Link(await (await admin.PostAsync($"/Admin/Users/{officerId}?handler=Password",
            SignedInClient.Form(await admin.GetStringAsync($"/Admin/Users/{officerId}?confirm=password")))).Content.ReadAsStringAsync());
        (await app.CreateClient().GetAsync(first)).StatusCode.ShouldBe(HttpStatusCode.Gone, "a newer link replaces the older one");

        var browser = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var page = await browser.GetStringAsync(second);
        (await browser.PostAsync(second, SignedInClient.Form(page, ("Password", Password), ("Confirm", Password)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await SignedInClient.SignInAsync(app, "officer@demo.hotspots", Password)).GetAsync("/Officer")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Service<IAuditLog>().SearchAsync(new(Action: "account.password-reset"), CancellationToken.None)).Count.ShouldBe(2);
        (await app.Service<IAuditLog>().SearchAsync(new(Action: "account.two-factor-reset", Subject: "user manager@demo.hotspots"), CancellationToken.None)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_link_ends_after_its_lifespan()
    {
        using var database = TestDatabase.Create("Sqlite");
        // Half a thousandth of an hour: 1.8 seconds.
        await using var app = App(database, invitationHours: 0.0005);
        await using var scope = app.Services.CreateAsyncScope();
        var invitation = await scope.ServiceProvider.GetRequiredService<IUserAdministration>()
            .AddAsync(new NewAccount("late@force.test", [Roles.Officer]), "test", CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await app.CreateClient().GetAsync(invitation.Path)).StatusCode.ShouldBe(HttpStatusCode.Gone);
        var admin = await SignedInClient.SignInAsync(app, "admin@demo.hotspots");
        (await admin.GetStringAsync("/Admin/Users?Search=late")).ShouldContain("Invited (link expired)");
    }

    [Fact]
    public async Task The_list_searches_email_and_name_on_the_server_and_pages_by_fifty()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = App(database);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var administration = scope.ServiceProvider.GetRequiredService<IUserAdministration>();
            for (var i = 0; i < 60; i++)
                await administration.AddAsync(new NewAccount($"bulk{i:00}@force.test", [Roles.Officer], Name: i == 7 ? "Priya Kaur" : null), "test", CancellationToken.None);
        }
        var admin = await SignedInClient.SignInAsync(app, "admin@demo.hotspots");
        var first = await admin.GetStringAsync("/Admin/Users?Search=BULK");
        first.ShouldContain("60 people match");
        first.ShouldContain("page 1 of 2");
        Rows(first).ShouldBe(50);
        first.ShouldContain("Search=BULK&amp;p=2\">Next page");
        var second = await admin.GetStringAsync("/Admin/Users?Search=bulk&p=2");
        Rows(second).ShouldBe(10);
        second.ShouldContain("bulk59@force.test");
        var byName = await admin.GetStringAsync("/Admin/Users?Search=kaur");
        byName.ShouldContain("1 person match");
        byName.ShouldContain("bulk07@force.test");
        var analyst = await SignedInClient.SignInAsync(app, "analyst@demo.hotspots");
        (await analyst.GetAsync("/Admin/Users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static int Rows(string html) => Regex.Matches(html, "<a href=\"/Admin/Users/[0-9a-f-]{36}\">").Count;

    private static string Link(string html)
    {
        var match = LinkInput().Match(html);
        match.Success.ShouldBeTrue("the page shows the invitation link");
        var link = WebUtility.HtmlDecode(match.Groups[1].Value);
        return new Uri(link, UriKind.Absolute).PathAndQuery;
    }

    private static string UserId(string listHtml)
    {
        var match = UserLink().Match(listHtml);
        match.Success.ShouldBeTrue("the list links to the person");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("id=\"invitation-link\" value=\"([^\"]+)\"")]
    private static partial Regex LinkInput();

    [GeneratedRegex("<a href=\"/Admin/Users/([0-9a-f-]{36})\">")]
    private static partial Regex UserLink();
}

using System.Text.RegularExpressions;
using HotSpots.Testing;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>
/// An administrator adds a person, who opens the one-time link on a 360 px phone, sets a password and is signed in; the
/// administrator disables them and the phone's next request is refused. Each page passes axe-core and fits the window.
/// </summary>
public sealed class UserAdminTests : IAsyncLifetime
{
    private const string Password = "amber-kettle-orchard-42";

    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private HotSpotsApp _app = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        // The default session checks: disabling the account ends its sessions at their next request.
        _app = new HotSpotsApp(_database);
        _address = _app.StartOnRealPort();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task An_admin_adds_an_officer_who_sets_a_password_on_a_phone_and_disabling_them_refuses_their_next_request()
    {
        await using var desktop = await Desktop.OpenAsync(_address);
        await desktop.SignInAsync("admin@demo.hotspots");
        var admin = desktop.Page;
        await admin.GotoAsync("/Admin/Users");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.CheckAsync(admin, "the users list");
        await desktop.ScreenshotAsync("admin-users-desktop");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Add a user" }).ClickAsync();
        await Accessibility.CheckAsync(admin, "the add-a-user form");
        await admin.GetByLabel("Email address").FillAsync("kit.new@force.test");
        await admin.GetByRole(AriaRole.Checkbox, new() { Name = "Officer", Exact = true }).CheckAsync();
        await admin.GetByLabel("Name, as the board").FillAsync("Kit New");
        await admin.GetByLabel("Team (optional)", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await admin.GetByLabel("Collar number").FillAsync("5150");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add and make the link" }).ClickAsync();
        var linkBox = admin.GetByLabel("Invitation link");
        await Assertions.Expect(linkBox).ToBeVisibleAsync();
        var link = await linkBox.InputValueAsync();
        link.ShouldStartWith(_address.ToString().TrimEnd('/') + "/Account/Invitation?id=");
        await Accessibility.CheckAsync(admin, "the add-a-user page with its link");

        await using var phone = await Phone.OpenAsync(_address, 51.4545, -0.9730);
        await phone.Page.SetViewportSizeAsync(360, 740);
        var officer = phone.Page;
        await officer.GotoAsync(link);
        await Assertions.Expect(officer.GetByText("kit.new@force.test")).ToBeVisibleAsync();
        await Accessibility.CheckAsync(officer, "the invitation page on a 360 px phone");
        await phone.ScreenshotAsync("invitation-phone");
        await officer.GetByLabel("New password", new() { Exact = true }).FillAsync(Password);
        await officer.GetByLabel("New password again").FillAsync(Password);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Navigation.LeaveAsync(officer, new Regex("/Account/Invitation"));
        // A new officer's first visit to the officer pages opens the short guide; skipping it leads home, and it is not shown again.
        var patrol = await officer.GotoAsync("/Officer");
        patrol!.Status.ShouldBe(200);
        officer.Url.ShouldEndWith("/Officer/Guide");
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "What a hot spot is" })).ToBeVisibleAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Skip the guide" }).ClickAsync();
        await Navigation.ArriveAsync(officer, new Regex("/Officer$"));
        await officer.GotoAsync("/Officer");
        officer.Url.ShouldEndWith("/Officer");

        // The link worked once.
        var reused = await officer.Context.Browser!.NewContextAsync();
        var second = await reused.NewPageAsync();
        (await second.GotoAsync(link))!.Status.ShouldBe(410);
        await reused.DisposeAsync();

        await admin.GotoAsync("/Admin/Users?Search=kit.new");
        await Assertions.Expect(admin.Locator("#users")).ToContainTextAsync("Active");
        await admin.GetByRole(AriaRole.Link, new() { Name = "kit.new@force.test" }).ClickAsync();
        await Accessibility.CheckAsync(admin, "a person's page");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Disable…" }).ClickAsync();
        await Accessibility.CheckAsync(admin, "the confirmation of disabling");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("#state")).ToHaveTextAsync("Disabled");

        await officer.GotoAsync("/Officer");
        officer.Url.ShouldContain("/Account/SignIn", customMessage: "a disabled officer's next request is refused");
    }
}

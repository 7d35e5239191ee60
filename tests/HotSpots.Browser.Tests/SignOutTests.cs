using System.Net;
using System.Text.RegularExpressions;
using HotSpots.Testing;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>
/// Signing out with the header's button, on a desktop and on a 360 px phone: the browser lands on the sign-in page, and
/// the session cookie it had (copied before) is refused afterwards by a page and by an API.
/// </summary>
public sealed class SignOutTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private HotSpotsApp _app = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
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
    public async Task The_header_sign_out_button_ends_the_session_and_the_cookie_copied_before_is_refused_on_desktop_and_phone()
    {
        await using (var desktop = await Desktop.OpenAsync(_address))
        {
            await desktop.SignInAsync("supervisor@demo.hotspots");
            await desktop.Page.GotoAsync("/Supervisor");
            await SignOutAsync(desktop.Page, "/Supervisor", "/api/supervisor/live");
        }

        await using var phone = await Phone.OpenAsync(_address, 51.4545, -0.9730);
        await phone.Page.SetViewportSizeAsync(360, 740);
        await phone.SignInAsync("officer@demo.hotspots");
        await phone.Page.GotoAsync("/Officer");
        await SignOutAsync(phone.Page, "/Officer", "/api/hotspots/near?lat=51.4545&lon=-0.973");
    }

    private async Task SignOutAsync(IPage page, string protectedPage, string api)
    {
        var cookies = await page.Context.CookiesAsync();
        cookies.ShouldContain(c => c.Name == "hotspots.auth");
        var copied = string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"));
        using var copy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _address };
        copy.DefaultRequestHeaders.Add("Cookie", copied);
        (await copy.GetAsync(protectedPage)).StatusCode.ShouldBe(HttpStatusCode.OK, "the copied cookie should work before signing out");

        var button = page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Assertions.Expect(button).ToBeInViewportAsync();
        await button.ClickAsync();
        await Navigation.ArriveAsync(page, new Regex("/Account/SignIn"));
        await Assertions.Expect(page.GetByText("You are signed out.")).ToBeVisibleAsync();

        var again = await copy.GetAsync(protectedPage);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{protectedPage} still opened with the cookie copied before signing out");
        again.Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        (await copy.GetAsync(api)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, api);
    }
}

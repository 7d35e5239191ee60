using System.Net;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Testing;
using HotSpots.Web.Accounts;

namespace HotSpots.Web.Tests;

public sealed class RoleAccessTests : IClassFixture<RoleAccessTests.App>
{
    public sealed class App : IDisposable
    {
        public TestDatabase Database { get; } = TestDatabase.Create("Sqlite");
        public HotSpotsApp Host { get; }
        public App() => Host = new HotSpotsApp(Database);
        public void Dispose() { Host.Dispose(); Database.Dispose(); }
    }

    private readonly HotSpotsApp _app;

    public RoleAccessTests(App app) => _app = app.Host;

    [Theory]
    [InlineData("/Manager")]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/jobs/enqueued")]
    public async Task An_officer_is_forbidden_from_manager_and_admin_pages(string path)
    {
        var officer = await SignedInClient.SignInAsync(_app, "officer@demo.hotspots");
        var response = await officer.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("manager@demo.hotspots", "/Manager", HttpStatusCode.OK)]
    [InlineData("analyst@demo.hotspots", "/Manager", HttpStatusCode.OK)]
    [InlineData("supervisor@demo.hotspots", "/Manager", HttpStatusCode.OK)]
    [InlineData("evaluator@demo.hotspots", "/Manager", HttpStatusCode.Forbidden)]
    [InlineData("admin@demo.hotspots", "/hangfire", HttpStatusCode.OK)]
    [InlineData("manager@demo.hotspots", "/hangfire", HttpStatusCode.Forbidden)]
    [InlineData("officer@demo.hotspots", "/Officer", HttpStatusCode.OK)]
    [InlineData("supervisor@demo.hotspots", "/Officer", HttpStatusCode.OK)]
    [InlineData("manager@demo.hotspots", "/Officer", HttpStatusCode.Forbidden)]
    public async Task Each_role_reaches_only_its_pages(string email, string path, HttpStatusCode expected)
    {
        var client = await SignedInClient.SignInAsync(_app, email);
        (await client.GetAsync(path)).StatusCode.ShouldBe(expected);
    }

    [Theory]
    [InlineData("/Manager")]
    [InlineData("/Officer")]
    [InlineData("/hangfire")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
    }

    [Fact]
    public async Task Anonymous_api_calls_get_401_not_a_redirect()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        (await client.GetAsync("/api/hotspots/near?lat=51.45&lon=-0.97")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_account_is_locked_after_five_wrong_passwords()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IUserAdministration>().EnsureUserAsync("locked@test.hotspots", "Right-Horse-Battery-2345", "test", Roles.Analyst);
        for (var i = 0; i < 5; i++)
            await Should.ThrowAsync<InvalidOperationException>(() => SignedInClient.SignInAsync(_app, "locked@test.hotspots", "wrong-password"));
        // The right password no longer works while the account is locked.
        await Should.ThrowAsync<InvalidOperationException>(() => SignedInClient.SignInAsync(_app, "locked@test.hotspots", "Right-Horse-Battery-2345"));
    }

    [Fact]
    public async Task Api_posts_without_the_antiforgery_header_are_rejected()
    {
        var officer = await SignedInClient.SignInAsync(_app, "officer@demo.hotspots");
        var response = await officer.PostAsync("/api/patrols/1/end", null);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("antiforgery");
    }
}

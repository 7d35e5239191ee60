using System.Net;
using System.Net.Http.Json;
using HotSpots.Testing;

namespace HotSpots.Web.Tests;

/// <summary>
/// Input a module refuses (ValidationException) is answered the same way everywhere: 400 with the module's message, on
/// the page's own form, on any other page, and from the JSON API.
/// </summary>
public sealed class ValidationErrorsTests : IClassFixture<ValidationErrorsTests.App>
{
    public sealed class App : IDisposable
    {
        public TestDatabase Database { get; } = TestDatabase.Create("Sqlite");
        public HotSpotsApp Host { get; }
        public App() => Host = new HotSpotsApp(Database);
        public void Dispose() { Host.Dispose(); Database.Dispose(); }
    }

    private readonly HotSpotsApp _app;

    public ValidationErrorsTests(App app) => _app = app.Host;

    [Fact]
    public async Task A_form_the_module_refuses_is_shown_again_with_the_reason_and_status_400()
    {
        var analyst = await SignedInClient.SignInAsync(_app, "analyst@demo.hotspots");
        var page = await analyst.GetStringAsync("/Analyst");
        var refused = await analyst.PostAsync("/Analyst?handler=Options", SignedInClient.Form(page, ("Count", "0"), ("AutoPublish", "false")));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("The number of hot spots is 0; it must be between 1 and 10,000.");
        html.ShouldContain("/Analyst?handler=Options", Case.Sensitive, "the form is shown again");
    }

    [Fact]
    public async Task A_page_without_a_form_of_its_own_answers_400_with_the_reason_as_text()
    {
        var manager = await SignedInClient.SignInAsync(_app, "manager@demo.hotspots");
        var response = await manager.GetAsync("/Dashboard/Reports?handler=Monthly&year=2026&month=13");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync()).ShouldBe("There is no month 2026-13.");
    }

    [Fact]
    public async Task The_api_answers_400_with_the_reason_as_a_problem()
    {
        var officer = await SignedInClient.SignInAsync(_app, "officer@demo.hotspots");
        var near = (await officer.GetFromJsonAsync<List<NearbySpot>>("/api/hotspots/near?lat=51.4545&lon=-0.9730&count=1"))!;
        var home = await officer.GetStringAsync("/Officer");
        var start = await officer.PostAsync("/Officer/Direct?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["hotspotId"] = near.Single().Id.ToString(),
            ["__RequestVerificationToken"] = SignedInClient.FormToken(home),
        }));
        var patrolUrl = start.Headers.Location!.ToString();
        await officer.UseAntiforgeryFromAsync(patrolUrl);
        var id = long.Parse(patrolUrl.Split('/').Last());

        var response = await officer.PostAsJsonAsync($"/api/patrols/{id}/activities",
            new { seq = 1, t = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), kind = "dancing", text = "" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemJson>();
        problem!.Status.ShouldBe(400);
        problem.Detail.ShouldStartWith("Activity kind 'dancing' is not one of: ");
    }

    private sealed record NearbySpot(long Id);

    private sealed record ProblemJson(int Status, string? Detail);
}

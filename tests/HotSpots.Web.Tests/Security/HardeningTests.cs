using System.Net;
using HotSpots.Platform.Text;
using HotSpots.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace HotSpots.Web.Tests.Security;

public sealed class HardeningTests
{
    [Theory]
    [InlineData("manager@demo.hotspots", "/Settings/Dose")]
    [InlineData("analyst@demo.hotspots", "/Imports/Settings")]
    [InlineData("officer@demo.hotspots", "/Officer/Direct")]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected(string email, string page)
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var client = await SignedInClient.SignInAsync(app, email);
        var response = await client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { ["MinutesPerVisit"] = "1", ["lat"] = "51.45", ["lon"] = "-0.97" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_sign_in_form_rejects_a_post_without_the_antiforgery_token()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "officer@demo.hotspots", ["Password"] = SignedInClient.DemoPassword,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task An_error_shows_a_plain_page_without_a_stack_trace_outside_development()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        await using var throwing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, ThrowingRoute>()));
        var client = throwing.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Account/SignIn");
        (await client.PostAsync("/Account/SignIn", SignedInClient.Form(form, ("Email", "officer@demo.hotspots"), ("Password", SignedInClient.DemoPassword))))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await client.GetAsync("/test/throw");
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Something went wrong");
        html.ShouldNotContain("secret-internal-detail");
        html.ShouldNotContain("InvalidOperationException");
        html.ShouldNotContain(" at HotSpots.");
        response.Headers.Contains("Content-Security-Policy").ShouldBeTrue();
    }

    /// <summary>A route, reached after every route of the app, that throws.</summary>
    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/throw", b => b.Run(_ => throw new InvalidOperationException("secret-internal-detail")));
        };
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("+44 118 000", "'+44 118 000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("plain text", "plain text")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Csv_cells_never_start_a_formula(string? value, string expected) =>
        CsvCell.Text(value).ShouldBe(expected);

    [Fact]
    public void A_csv_line_joins_safe_cells() =>
        CsvCell.Line("id", "=1+1", null, "ok").ShouldBe("id,'=1+1,,ok\n");
}

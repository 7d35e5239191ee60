using System.Security.Claims;
using HotSpots.Testing;
using HotSpots.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HotSpots.Web.Tests.Security;

public sealed class AntiforgeryChecksTests
{
    [Fact]
    public async Task A_remembered_token_pair_is_good_only_for_its_own_user_cookie_and_header()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var checks = services.GetRequiredService<AntiforgeryChecks>();
        var options = services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        var officer = User("officer-1");
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(Post(services, officer, null, null));

        HttpContext Request(ClaimsPrincipal user, string? header, string? cookie = null) =>
            Post(services, user, cookie ?? $"{options.Cookie.Name}={tokens.CookieToken}", header is null ? null : (options.HeaderName!, header));

        (await checks.IsValidAsync(Request(officer, tokens.RequestToken))).ShouldBeTrue();
        (await checks.IsValidAsync(Request(officer, tokens.RequestToken))).ShouldBeTrue();
        (await checks.IsValidAsync(Request(User("officer-2"), tokens.RequestToken))).ShouldBeFalse();
        (await checks.IsValidAsync(Request(officer, tokens.RequestToken![..^3] + "abc"))).ShouldBeFalse();
        (await checks.IsValidAsync(Request(officer, null))).ShouldBeFalse();
        (await checks.IsValidAsync(Request(officer, tokens.RequestToken, cookie: "other=1"))).ShouldBeFalse();
    }

    private static ClaimsPrincipal User(string id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, id)], "test"));

    private static DefaultHttpContext Post(IServiceProvider services, ClaimsPrincipal user, string? cookie, (string Name, string Value)? header)
    {
        var context = new DefaultHttpContext { RequestServices = services, User = user };
        context.Request.Method = "POST";
        if (cookie is not null) context.Request.Headers.Cookie = cookie;
        if (header is { } h) context.Request.Headers[h.Name] = h.Value;
        return context;
    }
}

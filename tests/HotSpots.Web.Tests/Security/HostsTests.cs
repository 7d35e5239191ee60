using System.Net;
using System.Text.Json;
using HotSpots.Testing;

namespace HotSpots.Web.Tests.Security;

/// <summary>
/// The Host header is not trusted: the app answers only to the names in AllowedHosts (outside Development, by default,
/// the server's own names), also when a proxy forwards a host, and the OpenID issuer is the configured one. Behind a
/// proxy that says the request came over HTTPS, every cookie is Secure.
/// </summary>
public sealed class HostsTests
{
    private const string Evil = "evil.example";

    [Theory]
    [InlineData(null)]
    [InlineData("hotspots.force.example")]
    public async Task A_foreign_host_gets_no_redirect_to_itself_and_no_discovery_document_naming_it(string? allowedHosts)
    {
        using var database = TestDatabase.Create("Sqlite");
        var settings = new Dictionary<string, string?> { ["Api:AllowHttp"] = "true" };
        if (allowedHosts is not null) settings["AllowedHosts"] = allowedHosts;
        await using var app = new HotSpotsApp(database, settings);
        var address = app.StartOnRealPort();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };

        foreach (var path in new[] { "/Supervisor", "/", "/.well-known/openid-configuration" })
        {
            var response = await SendAsync(client, path, Evil);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{path} for Host {Evil}: {response.Headers.Location} {body}");
            (response.Headers.Location?.OriginalString ?? "").ShouldNotContain(Evil);
            body.ShouldNotContain(Evil);
        }

        // The names the app is meant to answer to still work: the configured one, and the server's own.
        foreach (var host in new[] { allowedHosts ?? "localhost", "127.0.0.1", "localhost" })
        {
            var signIn = await SendAsync(client, "/Supervisor", $"{host}:{address.Port}");
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, host);
            signIn.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        }
    }

    [Fact]
    public async Task Through_a_proxy_a_forwarded_foreign_host_is_ignored_and_discovery_names_the_configured_issuer()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?>
        {
            ["Api:AllowHttp"] = "true",
            ["Api:Issuer"] = "https://hotspots.force.example/",
            ["AllowedHosts"] = "hotspots.force.example",
            ["Proxy:Enabled"] = "true",
            ["Proxy:KnownProxies:0"] = "127.0.0.1",
        });
        var address = app.StartOnRealPort();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };

        var redirect = await SendAsync(client, "/Supervisor", "hotspots.force.example", forwardedHost: Evil);
        (redirect.Headers.Location?.ToString() ?? "").ShouldNotContain(Evil);
        var discovery = await SendAsync(client, "/.well-known/openid-configuration", "hotspots.force.example", forwardedHost: Evil);
        var document = await discovery.Content.ReadAsStringAsync();
        discovery.StatusCode.ShouldBe(HttpStatusCode.OK, document);
        document.ShouldNotContain(Evil);
        JsonDocument.Parse(document).RootElement.GetProperty("issuer").GetString().ShouldBe("https://hotspots.force.example/");
    }

    [Fact]
    public async Task Behind_a_proxy_that_says_https_every_cookie_of_signing_in_is_secure()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?>
        {
            ["Proxy:Enabled"] = "true",
            ["Proxy:KnownProxies:0"] = "127.0.0.1",
        });
        var address = app.StartOnRealPort();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };

        var form = await SendAsync(client, "/Account/SignIn", null, forwardedProto: "https");
        var formCookies = SetCookies(form);
        formCookies.ShouldNotBeEmpty();
        var posted = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = SignedInClient.Form(await form.Content.ReadAsStringAsync(), ("Email", "officer@demo.hotspots"), ("Password", SignedInClient.DemoPassword)),
        };
        posted.Headers.Add("X-Forwarded-Proto", "https");
        posted.Headers.Add("Cookie", string.Join("; ", formCookies.Select(c => c.Split(';')[0])));
        var signedIn = await client.SendAsync(posted);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookies = formCookies.Concat(SetCookies(signedIn)).ToList();
        cookies.ShouldContain(c => c.StartsWith("hotspots.auth=", StringComparison.Ordinal));
        foreach (var cookie in cookies)
            cookie.Split(';').Select(a => a.Trim()).ShouldContain(a => a.Equals("secure", StringComparison.OrdinalIgnoreCase), cookie);

        // Plain http without a proxy's word (a developer's machine): the cookies are not marked Secure, or no browser would send them back.
        var plain = SetCookies(await SendAsync(client, "/Account/SignIn", null));
        plain.ShouldNotBeEmpty();
        plain.ShouldAllBe(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? host, string? forwardedHost = null, string? forwardedProto = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null) request.Headers.Host = host;
        if (forwardedHost is not null) request.Headers.Add("X-Forwarded-Host", forwardedHost);
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return await client.SendAsync(request);
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
}

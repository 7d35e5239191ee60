using HotSpots.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace HotSpots.Web.Tests.Security;

public sealed class OfficerApiAuthenticationTests
{
    [Fact]
    public async Task The_officer_api_reads_the_cookie_and_is_not_offered_to_the_protocol_handlers()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        await using var scope = app.Services.CreateAsyncScope();
        var handlers = scope.ServiceProvider.GetRequiredService<IAuthenticationHandlerProvider>();
        var protocols = (await scope.ServiceProvider.GetRequiredService<IAuthenticationSchemeProvider>().GetRequestHandlerSchemesAsync()).ToList();
        protocols.ShouldNotBeEmpty();

        foreach (var path in new[] { "/api/hotspots/near", "/api/patrols/7/pings" })
        {
            var officer = Request(scope.ServiceProvider, path);
            (await handlers.GetHandlerAsync(officer, IdentityConstants.ApplicationScheme)).ShouldNotBeNull();
            foreach (var protocol in protocols) (await handlers.GetHandlerAsync(officer, protocol.Name)).ShouldBeNull(path + " " + protocol.Name);
        }
        foreach (var path in new[] { "/connect/token", "/api/v1/imports", "/api/hotspotsx" })
        {
            var other = Request(scope.ServiceProvider, path);
            foreach (var protocol in protocols) (await handlers.GetHandlerAsync(other, protocol.Name)).ShouldNotBeNull(path + " " + protocol.Name);
        }
    }

    private static DefaultHttpContext Request(IServiceProvider services, string path) =>
        new() { RequestServices = services, Request = { Path = path, Method = "GET", Scheme = "http", Host = new HostString("localhost") } };
}

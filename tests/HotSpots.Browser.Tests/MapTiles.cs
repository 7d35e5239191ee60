using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>
/// The tests run without the internet. The map's tiles are the only thing the pages fetch from elsewhere (the app's
/// default tile server); their requests are refused at once, as on a phone that cannot reach the tile server, so that
/// a page's load never waits on a connection that may hang until the test's timeout.
/// </summary>
internal static class MapTiles
{
    private const string DefaultServer = "https://tile.openstreetmap.org/**";

    public static Task RefuseAsync(IBrowserContext context) => context.RouteAsync(DefaultServer, route => route.AbortAsync());
}

using HotSpots.Platform;

namespace HotSpots.Web.Security;

/// <summary>
/// The headers every response carries: a content security policy that allows scripts only from the app's own
/// files (no inline script, no eval), no framing, no MIME sniffing, no referrer outside the app, and the
/// browser features the officer pages need (geolocation and wake lock from the app itself only).
/// </summary>
internal static class SecurityHeaders
{
    public static string ContentSecurityPolicy(string tileUrl) =>
        "default-src 'self'; script-src 'self'; " +
        // Leaflet positions map panes with inline styles; styles cannot run code.
        "style-src 'self' 'unsafe-inline'; " +
        $"img-src 'self' data: blob: {TileSource(tileUrl)}; " +
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The headers, with the map tiles' origin as the force's settings give it now (they change without a restart).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, ForceOptions force)
    {
        var held = (TileUrl: force.TileUrl, Policy: ContentSecurityPolicy(force.TileUrl));
        return app.Use((context, next) =>
        {
            var policy = held;
            if (policy.TileUrl != force.TileUrl) held = policy = (force.TileUrl, ContentSecurityPolicy(force.TileUrl));
            // Set when the response starts, so that the error handler's clearing of the response keeps them.
            context.Response.OnStarting(() => Apply(context.Response.Headers, policy.Policy));
            return next(context);
        });
    }

    private static Task Apply(IHeaderDictionary headers, string policy)
    {
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "geolocation=(self), screen-wake-lock=(self), camera=(), microphone=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return Task.CompletedTask;
    }

    /// <summary>The tile server's origin, with a wildcard where the URL template has a subdomain placeholder ({s}).</summary>
    internal static string TileSource(string tileUrl)
    {
        if (!Uri.TryCreate(tileUrl.Replace("{s}", "tiles"), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "";
        var host = tileUrl.Contains("{s}.", StringComparison.Ordinal) ? "*." + uri.Host[(uri.Host.IndexOf('.') + 1)..] : uri.Host;
        return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
    }
}

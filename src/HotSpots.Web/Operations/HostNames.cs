using Microsoft.AspNetCore.HostFiltering;

namespace HotSpots.Web.Operations;

/// <summary>
/// The host names the app answers to: those in the setting AllowedHosts (separated by ';', e.g.
/// "hotspots.force.police.uk"), and always the server's own (localhost, 127.0.0.1, [::1] and the machine's name). Any
/// other Host header, or a proxy's X-Forwarded-Host naming another host, gets 400 or is ignored, so that no redirect,
/// link or discovery document ever names a host an attacker chose. "*" allows any host and is for nothing but tests.
/// </summary>
internal static class HostNames
{
    public static string[] Allowed(IConfiguration configuration)
    {
        var configured = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (configured.Contains("*")) return ["*"];
        return [.. configured.Concat(["localhost", "127.0.0.1", "[::1]", Environment.MachineName]).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public static void AddHostNames(this IServiceCollection services, IConfiguration configuration)
    {
        var allowed = Allowed(configuration);
        services.PostConfigure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = allowed;
            o.AllowEmptyHosts = false;
            o.IncludeFailureMessage = false;
        });
    }
}

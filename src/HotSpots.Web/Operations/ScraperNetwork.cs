using System.Net;
using Microsoft.AspNetCore.Authorization;

namespace HotSpots.Web.Operations;

/// <summary>Who may read /metrics: this machine, or a network listed in Metrics:AllowedNetworks (e.g. "10.0.0.0/8").</summary>
internal sealed class ScraperNetworkRequirement : IAuthorizationRequirement;

internal sealed class ScraperNetworkHandler(IConfiguration configuration, IHttpContextAccessor http) : AuthorizationHandler<ScraperNetworkRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScraperNetworkRequirement requirement)
    {
        var remote = http.HttpContext?.Connection.RemoteIpAddress;
        // The in-process test server has no remote address: it is this machine.
        if (remote is null || IPAddress.IsLoopback(remote) || Allowed().Any(n => n.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private IEnumerable<IPNetwork> Allowed() =>
        (configuration.GetSection("Metrics:AllowedNetworks").Get<string[]>() ?? [])
            .Select(text => IPNetwork.TryParse(text, out var network) ? network : (IPNetwork?)null)
            .OfType<IPNetwork>();
}

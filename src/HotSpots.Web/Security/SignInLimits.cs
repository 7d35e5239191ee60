using System.Globalization;
using System.Threading.RateLimiting;
using HotSpots.Web.Accounts;

namespace HotSpots.Web.Security;

/// <summary>
/// Rate limits on password, second-factor and token requests, per client address, so that guessing is slow even
/// across many accounts (lockout stops it on one account). A refusal is 429 with Retry-After. Behind a proxy,
/// forward the client's address (X-Forwarded-For) or every officer shares one allowance.
/// </summary>
internal static class SignInLimits
{
    public static void AddSignInLimits(this IServiceCollection services, SecurityOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return Kind(context.Request) switch
                {
                    "sign-in" => Window("sign-in " + address, options.SignInPerMinute),
                    "token" => Window("token " + address, options.TokenPerMinute),
                    _ => RateLimitPartition.GetNoLimiter("none"),
                };
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync($"Too many sign-in attempts from this address. Try again in {seconds} seconds.", cancellationToken);
            };
        });
    }

    private static string? Kind(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)) return null;
        if (request.Path.StartsWithSegments(MachineClients.TokenPath, StringComparison.OrdinalIgnoreCase)) return "token";
        if (request.Path.StartsWithSegments("/Account/SignIn", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/Account/TwoFactor", StringComparison.OrdinalIgnoreCase)) return "sign-in";
        return null;
    }

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}

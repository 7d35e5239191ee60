using System.Collections.Concurrent;
using System.Security.Claims;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HotSpots.Web.Security;

/// <summary>
/// When Identity checks a session's security stamp against the database (sign-out everywhere and a reset
/// authenticator change the stamp; the check also reloads the user's roles). It looks only at sessions whose cookie
/// is older than the interval, and a user and stamp it has just found good are not looked up again on this node
/// until the interval has passed — a phone sending its queued pings side by side with one older cookie, or a load
/// test replaying one, costs one lookup a minute instead of one a request. A changed stamp still ends every session
/// within the interval, as before.
/// </summary>
internal sealed class StampChecks(TimeSpan interval)
{
    /// <summary>More users than a force has signed in at once; when full it starts again.</summary>
    private const int Capacity = 10_000;

    private const string StampClaim = "AspNet.Identity.SecurityStamp";

    private readonly ConcurrentDictionary<(string User, string Stamp), DateTimeOffset> _verified = new();

    public Task ValidateAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> check)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && now - issued <= interval) return Task.CompletedTask;
        var key = Key(context.Principal);
        if (key is { } known && _verified.TryGetValue(known, out var verified) && now - verified <= interval) return Task.CompletedTask;
        return CheckAsync(context, check, key, now);
    }

    private async Task CheckAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> check,
        (string, string)? key, DateTimeOffset now)
    {
        await check(context);
        if (key is not { } good || context.Principal is null) return;
        if (_verified.Count >= Capacity) _verified.Clear();
        _verified[good] = now;
    }

    private static (string User, string Stamp)? Key(ClaimsPrincipal? principal) =>
        principal.FindUserId() is { } user && principal!.FindFirstValue(StampClaim) is { } stamp
            ? (user, stamp)
            : null;
}

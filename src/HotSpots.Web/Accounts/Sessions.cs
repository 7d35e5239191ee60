using System.Security.Claims;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform.Revisions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace HotSpots.Web.Accounts;

/// <summary>
/// Sessions end on the server, on every node at once. Each sign-in's cookie carries a session id; signing out records
/// that id as ended (through the Workforce module's <see cref="IAccountSessions"/>), and every change to an account's security stamp (sign out
/// everywhere, a new password, a role added or removed) or its removal counts too. Each request with a cookie checks its
/// session against a copy in memory of the ended ids and the accounts' stamps, a <see cref="RevisionedCache{T}"/> of the
/// kind <see cref="IAccountSessions.Revision"/>: one small query per request, and a new copy only after such a change on any node.
/// </summary>
internal sealed class Sessions
{
    /// <summary>The claim naming the session: set when the cookie is first issued, kept at each stamp check.</summary>
    public const string IdClaim = "hotspots.sid";

    private readonly RevisionedCache<AccountSessionState> _state;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _keep;
    private readonly string _stampClaim;

    public Sessions(IRevisionReader revisions, IServiceScopeFactory scopes, TimeProvider clock, Security.SecurityOptions security,
        Microsoft.Extensions.Options.IOptions<IdentityOptions> identity)
    {
        _scopes = scopes;
        _clock = clock;
        // A cookie lives at most the idle timeout after its last use, and an ended session is never used again.
        _keep = TimeSpan.FromMinutes(security.IdleTimeoutMinutes) + TimeSpan.FromHours(1);
        _stampClaim = identity.Value.ClaimsIdentity.SecurityStampClaimType;
        _state = new RevisionedCache<AccountSessionState>(revisions, [IAccountSessions.Revision], ReadAsync, clock);
    }

    /// <summary>Whether <paramref name="principal"/>'s session is still live: not signed out, its account's stamp unchanged.</summary>
    public async Task<bool> IsLiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var session = principal.FindFirstValue(IdClaim);
        if (userId is null || session is null) return false;
        var state = await _state.GetAsync(cancellationToken);
        if (state.Ended.Contains(session)) return false;
        return state.Stamps.TryGetValue(userId, out var stamp) && string.Equals(stamp, principal.FindFirstValue(_stampClaim), StringComparison.Ordinal);
    }

    /// <summary>Ends <paramref name="principal"/>'s session on every node (signing out), and forgets sessions ended long ago.</summary>
    public async Task EndAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var session = principal.FindFirstValue(IdClaim);
        if (userId is null || session is null) return;
        await using var scope = _scopes.CreateAsyncScope();
        var now = _clock.GetUtcNow().UtcDateTime;
        await scope.ServiceProvider.GetRequiredService<IAccountSessions>().EndAsync(userId, session, now, now - _keep, cancellationToken);
    }

    /// <summary>The cookie events: a new session id at sign-in, and the check before each request.</summary>
    public static void Use(CookieAuthenticationOptions options)
    {
        var stampCheck = options.Events.OnValidatePrincipal;
        options.Events.OnSigningIn = context =>
        {
            if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == IdClaim))
                identity.AddClaim(new Claim(IdClaim, Guid.NewGuid().ToString("N")));
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions>();
            if (context.Principal is null || !await sessions.IsLiveAsync(context.Principal, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await stampCheck(context);
        };
    }

    private async Task<AccountSessionState> ReadAsync(RevisionStamp stamp, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAccountSessions>().ReadAsync(cancellationToken);
    }
}

using System.Security.Claims;
using HotSpots.Modules.Workforce.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HotSpots.Web.Accounts;

/// <summary>
/// Identity's sign-in manager, which also notes the time of every sign-in that issues a session (password, password and
/// code, the force's identity provider, an accepted invitation), for the users page's "last sign-in". Every way of signing
/// in ends in <see cref="SignInWithClaimsAsync"/>, so no sign-in page needs to know.
/// </summary>
internal sealed class SignInRecorder(
    UserManager<IdentityUser> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<IdentityUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<IdentityUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<IdentityUser> confirmation,
    IAccountSessions sessions,
    TimeProvider clock)
    : SignInManager<IdentityUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(IdentityUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        await sessions.NoteSignInAsync(user.Id, clock.GetUtcNow(), Context.RequestAborted);
    }
}

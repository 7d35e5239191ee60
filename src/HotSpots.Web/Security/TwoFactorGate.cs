using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace HotSpots.Web.Security;

/// <summary>
/// Users of the roles that must use an authenticator app reach nothing but the enrolment page (and sign-out)
/// until their session was signed in with a second factor. Pages redirect to enrolment; APIs answer 403.
/// </summary>
internal static class TwoFactorGate
{
    /// <summary>The claim Identity adds to a session signed in with a second factor.</summary>
    public const string MethodClaim = "amr";
    public const string MultiFactor = "mfa";
    public const string EnrolPath = "/Account/Authenticator";

    public static bool NeedsSecondFactor(ClaimsPrincipal user, SecurityOptions options) =>
        user.Identity?.IsAuthenticated == true
        && options.TwoFactorRoles.Any(user.IsInRole)
        && !user.HasClaim(MethodClaim, MultiFactor);

    /// <summary>
    /// Identity rebuilds a session's claims from the account at each security-stamp check, and would drop how the person
    /// signed in: carry the second factor ("amr"), the sign-in method and the session's id over, or a two-factor session would be sent to
    /// enrolment at its first check. A session whose stamp no longer matches is ended before this runs.
    /// </summary>
    public static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is not ClaimsIdentity fresh || context.CurrentPrincipal is not { } current) return Task.CompletedTask;
        foreach (var claim in current.FindAll(c => c.Type is MethodClaim or ClaimTypes.AuthenticationMethod or Accounts.Sessions.IdClaim))
            if (!fresh.HasClaim(claim.Type, claim.Value)) fresh.AddClaim(new Claim(claim.Type, claim.Value));
        return Task.CompletedTask;
    }

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app, SecurityOptions options) =>
        app.Use((context, next) =>
        {
            if (!NeedsSecondFactor(context.User, options) || IsOpen(context.Request.Path)) return next(context);
            if (context.Request.Path.StartsWithSegments("/api") || !HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return context.Response.WriteAsync("Set up two-factor sign-in first: your role needs it.");
            }
            context.Response.Redirect(EnrolPath);
            return Task.CompletedTask;
        });

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments(EnrolPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/Account/SignOut", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/Account/SignIn", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/Account/External", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/Status", StringComparison.OrdinalIgnoreCase);
}

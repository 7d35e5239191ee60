using System.Security.Claims;

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
        || path.StartsWithSegments("/Status", StringComparison.OrdinalIgnoreCase);
}

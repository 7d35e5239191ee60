using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HotSpots.Web.Security;

/// <summary>
/// The OpenID Connect client for the force's identity provider: authorization code flow with PKCE, the answer by
/// redirect (query) to /signin-oidc. The provider's identity lands in Identity's external cookie, which
/// /Account/External turns into a HotSpots session (<see cref="Accounts.ForceSignIn"/>).
/// </summary>
internal static class OpenIdConnectSignIn
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string FailedPath = "/Account/External?handler=Failed";

    public static void AddOpenIdConnectSignIn(this AuthenticationBuilder authentication, OpenIdConnectSettings settings)
    {
        if (!settings.Enabled) return;
        authentication.AddOpenIdConnect(Scheme, settings.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            if (settings.ClientSecret.Length > 0) o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // A redirect back, not a form the provider posts: nothing cross-site for the browser to submit.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.Scope.Clear();
            o.Scope.Add(OpenIdConnectScope.OpenId);
            o.Scope.Add(OpenIdConnectScope.OpenIdProfile);
            o.Scope.Add(OpenIdConnectScope.Email);
            // Claims keep the token's names (sub, iss, amr, roles, groups); the issuer is kept to link the account by.
            o.MapInboundClaims = false;
            o.ClaimActions.Remove(Accounts.ProviderClaims.Issuer);
            o.SaveTokens = false;
            o.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdConnectSignIn))
                    .LogWarning(context.Failure, "Sign-in with the force's identity provider failed");
                context.Response.Redirect(FailedPath);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}

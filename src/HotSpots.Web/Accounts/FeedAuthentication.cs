using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HotSpots.Web.Accounts;

/// <summary>
/// HTTP Basic for the Power BI feed: Power BI's OData connector offers anonymous, Basic and organisational (Entra ID)
/// sign-in, not OAuth2 client credentials. The user name and password are a machine client's id and secret (the same
/// clients as the import API, made with create-client and the feed scope); no person's sign-in is accepted. Over plain
/// http only in development or with Api:AllowHttp, since the secret travels with every request.
/// </summary>
internal sealed class FeedAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOpenIddictApplicationManager applications, IConfiguration configuration, IHostEnvironment environment)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "FeedBasic";
    public const string ClientClaim = "feed_client";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) ||
            !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return AuthenticateResult.NoResult();
        if (!Request.IsHttps && !environment.IsDevelopment() && !configuration.GetValue("Api:AllowHttp", false))
            return AuthenticateResult.Fail("The feed takes credentials over HTTPS only.");
        string text;
        try { text = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)); }
        catch (FormatException) { return AuthenticateResult.Fail("The Basic credentials are not base64."); }
        var colon = text.IndexOf(':');
        if (colon <= 0) return AuthenticateResult.Fail("The Basic credentials have no user name.");
        var (clientId, secret) = (text[..colon], text[(colon + 1)..]);
        var application = await applications.FindByClientIdAsync(clientId, Context.RequestAborted);
        if (application is null || !await applications.ValidateClientSecretAsync(application, secret, Context.RequestAborted)
                                 || !await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + MachineClients.FeedScope, Context.RequestAborted))
            return AuthenticateResult.Fail("Unknown feed client or wrong secret.");
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, clientId), new Claim(ClientClaim, clientId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"HotSpots feed\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}

using Microsoft.AspNetCore.Authentication;

namespace HotSpots.Web.Security;

/// <summary>
/// ASP.NET Core offers every request to each protocol handler first (the machine clients' token endpoint, token
/// validation, the identity provider's callback), before it reads the sign-in cookie. The officer API
/// (/api/hotspots, /api/patrols) is only ever called by the phone with its cookie, so its requests are not offered
/// to them — a cost every ping and "near me" paid for nothing. Everything else, and authorization, is unchanged.
/// </summary>
internal sealed class OfficerApiAuthentication(IAuthenticationHandlerProvider inner, IAuthenticationSchemeProvider schemes) : IAuthenticationHandlerProvider
{
    public static bool IsOfficerApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/hotspots") || request.Path.StartsWithSegments("/api/patrols");

    public async Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme)
    {
        if (IsOfficerApi(context.Request) && (await schemes.GetRequestHandlerSchemesAsync()).Any(s => s.Name == authenticationScheme))
            return null;
        return await inner.GetHandlerAsync(context, authenticationScheme);
    }

    /// <summary>Wraps the framework's handler provider; call after authentication has been added.</summary>
    public static void Use(IServiceCollection services) =>
        services.AddScoped<IAuthenticationHandlerProvider>(provider => new OfficerApiAuthentication(
            ActivatorUtilities.CreateInstance<AuthenticationHandlerProvider>(provider), provider.GetRequiredService<IAuthenticationSchemeProvider>()));
}

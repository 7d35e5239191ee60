using Hangfire;
using Hangfire.Dashboard;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;
using HotSpots.Web.Api;
using HotSpots.Web.Operations;
using Prometheus;
using HotSpots.Web.Security;
using Microsoft.AspNetCore.Identity;
using HotSpots.Web.Feed;

namespace HotSpots.Web.Hosting;

internal static class WebSetup
{
    public static void AddHotSpotsWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var security = SecurityOptions.From(builder.Configuration);
        services.AddAuthorization(Policies.Configure);
        services.AddScoped<TrialSights>(); // from the viewer's policies: web requests only (the command line has no authorization)
        services.AddSignInLimits(security);
        services.AddApiErrors();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(security.SecurityStampCheckMinutes);
            o.OnRefreshingPrincipal = TwoFactorGate.KeepSignInMethod;
        });
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PeopleRequirementHandler>();
        var authentication = services.AddAuthentication();
        authentication.AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, FeedAuthentication>(FeedAuthentication.SchemeName, null);
        authentication.AddOpenIdConnectSignIn(security.OpenIdConnect);
        services.AddScoped<ForceSignIn>();
        services.AddFeed();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Status/403";
            o.Cookie.Name = "hotspots.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            // APIs answer with status codes; pages redirect to sign-in. Forbidden is always a real 403.
            o.Events.OnRedirectToLogin = context =>
            {
                if (!IsApi(context.Request))
                {
                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                }
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return context.Response.WriteAsync("Not signed in: sign in first, or send a machine client's access token (Authorization: Bearer).");
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // Secure whenever the request came over HTTPS, also through a known proxy that says so (Proxy:Enabled).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            Sessions.Use(o);
        });
        services.AddSingleton<Sessions>();
        OfficerApiAuthentication.Use(services);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages();
        ValidationErrors.Add(services);
        services.AddImportApi(builder.Configuration);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
    }

    public static void UseHotSpotsWeb(this WebApplication app)
    {
        app.UseProxyAndHttps();
        app.UseSecurityHeaders(app.Services.GetRequiredService<HotSpots.Platform.ForceOptions>());
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Status/500");
        app.UseWhen(c => !IsApi(c.Request), b => b.UseStatusCodePagesWithReExecute("/Status/{0}"));
        app.UseStaticFiles();
        // Everything after the static files is the app's own answer, often with personal data: never kept by a browser or
        // a proxy (an endpoint that sets its own Cache-Control keeps it).
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
                    context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseRateLimiter();
        app.UseRouting();
        app.UseHttpMetrics();
        app.UseApiErrors();
        app.UseAuthentication();
        app.UseTwoFactorGate(app.Services.GetRequiredService<SecurityOptions>());
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapOperations();
        app.MapOfficerApi();
        app.MapSupervisorApi();
        app.MapMachineClients();
        app.MapImportApi();
        app.MapControllers().RequireAuthorization(Policies.Feed);
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminOnly()],
            AppPath = "/",
            DashboardTitle = "HotSpots jobs",
        }).RequireAuthorization(Policies.Admin);
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/" + FeedModel.Route);

    /// <summary>Hangfire's own check, behind the endpoint's Admin policy.</summary>
    private sealed class AdminOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}

using HotSpots.Modules.Workforce.Contracts;
using OpenIddict.Abstractions;

namespace HotSpots.Web.Accounts;

/// <summary>Authorization policies; every page and endpoint names one.</summary>
internal static class Policies
{
    /// <summary>Any signed-in user.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Patrolling: officers and supervisors (who patrol too).</summary>
    public const string Patrol = "Patrol";

    /// <summary>The manager dashboard: managers, analysts and supervisors.</summary>
    public const string Dashboard = "Dashboard";

    /// <summary>
    /// Whether the treatment happened and what it did (compliance and impact): the dashboard's roles and the trials'
    /// evaluators, who see a running trial's arms spot by spot.
    /// </summary>
    public const string Evaluate = "Evaluate";

    /// <summary>Supervising: today's tasked spots, assignments to teams and shifts, who is on patrol where, and the team's patrols and tracks (each supervisor sees their own team only, every view audited).</summary>
    public const string Supervise = "Supervise";

    /// <summary>Randomised trials: design, sealed schedules, exports. Evaluators and administrators.</summary>
    public const string Trials = "Trials";

    /// <summary>The force's dose targets: managers and administrators.</summary>
    public const string DoseTargets = "DoseTargets";

    /// <summary>Hot spot analysis: review and publish sets, briefings, exclusions, backtests. Analysts only.</summary>
    public const string Analyse = "Analyse";

    /// <summary>System administration: jobs, users, settings.</summary>
    public const string Admin = "Admin";

    /// <summary>Imports, quarantine, mapping profiles and harm weights: analysts and administrators.</summary>
    public const string Import = "Import";

    /// <summary>The import API for automated feeds: a machine client's OAuth2 access token with the imports scope.</summary>
    public const string ImportApi = "ImportApi";

    /// <summary>Prometheus scrapers: requests from this machine or from the networks in Metrics:AllowedNetworks.</summary>
    public const string Metrics = "Metrics";

    /// <summary>The pseudonymised people linked to crimes: analysts, and managers when an administrator allows it (a run-time setting).</summary>
    public const string People = "People";

    /// <summary>The Power BI feed (OData): a machine client's own credentials, HTTP Basic over HTTPS; never a person's sign-in.</summary>
    public const string Feed = "Feed";

    public static void Configure(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Patrol, p => p.RequireRole(Roles.Officer, Roles.Supervisor));
        options.AddPolicy(Dashboard, p => p.RequireRole(Roles.Manager, Roles.Analyst, Roles.Supervisor));
        options.AddPolicy(Evaluate, p => p.RequireRole(Roles.Manager, Roles.Analyst, Roles.Supervisor, Roles.Evaluator));
        options.AddPolicy(Supervise, p => p.RequireRole(Roles.Supervisor));
        options.AddPolicy(Trials, p => p.RequireRole(Roles.Evaluator, Roles.Admin));
        options.AddPolicy(DoseTargets, p => p.RequireRole(Roles.Manager, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Import, p => p.RequireRole(Roles.Analyst, Roles.Admin));
        options.AddPolicy(ImportApi, p => p
            .AddAuthenticationSchemes(OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.HasScope(MachineClients.ImportScope)));
        options.AddPolicy(Analyse, p => p.RequireRole(Roles.Analyst));
        options.AddPolicy(Metrics, p => p.AddRequirements(new Operations.ScraperNetworkRequirement()));
        options.AddPolicy(People, p => p.RequireRole(Roles.Analyst, Roles.Manager).AddRequirements(new PeopleRequirement()));
        options.AddPolicy(Feed, p => p.AddAuthenticationSchemes(FeedAuthentication.SchemeName).RequireAuthenticatedUser().RequireClaim(FeedAuthentication.ClientClaim));
        // Anything registered without a policy still needs a signed-in user.
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}

using HotSpots.Modules.Workforce.Accounts;
using HotSpots.Modules.Workforce.Accounts.Data;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Modules.Workforce.Data;
using HotSpots.Modules.Workforce.Roster;
using HotSpots.Modules.Workforce.Teams;
using HotSpots.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Workforce;

/// <summary>
/// The force's people: teams and officer records (names, collar numbers, teams, supervisors), the roster import, and
/// the sign-in accounts (ASP.NET Core Identity's and OpenIddict's tables, the rules for making and changing accounts).
/// </summary>
public static class WorkforceModule
{
    public const string Name = "Workforce";

    public static IServiceCollection AddWorkforceModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<WorkforceDbContext, WorkforceSqliteContext, WorkforcePostgresContext>(DatabaseSettings.From(configuration), Name);
        services.AddSingleton<PeopleCache>();
        services.AddScoped<TeamBook>();
        services.AddScoped<RosterImport>();
        services.AddScoped<IWorkforce, WorkforceReader>();
        services.AddScoped<IWorkforceAdministration, WorkforceAdministration>();
        return services;
    }

    /// <summary>
    /// The accounts' store for ASP.NET Core Identity (module "Accounts": its own tables and migrations history), the
    /// invitation links' token provider (also Identity's password-reset provider; Accounts:InvitationHours), and
    /// <see cref="IUserAdministration"/>, <see cref="IUserAccounts"/>, <see cref="IAccountSessions"/> and
    /// <see cref="InvitationSettings"/>. Call on the builder AddIdentity returns, after its token providers.
    /// </summary>
    public static IdentityBuilder AddWorkforceAccounts(this IdentityBuilder identity, IConfiguration configuration)
    {
        var services = identity.Services;
        services.AddModuleDbContext<AccountsDbContext, AccountsSqliteContext, AccountsPostgresContext>(DatabaseSettings.From(configuration), AccountsDbContext.Module);
        identity.AddEntityFrameworkStores<AccountsDbContext>();
        var settings = InvitationSettings.From(configuration);
        services.AddSingleton(settings);
        services.Configure<InvitationTokenProviderOptions>(o => o.TokenLifespan = settings.Lifespan);
        services.AddTransient<InvitationTokenProvider>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[InvitationTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
            o.Tokens.PasswordResetTokenProvider = InvitationTokenProvider.ProviderName;
        });
        services.AddScoped<AccountNotes>();
        services.AddScoped<OfficerRecords>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<IUserAccounts>(p => p.GetRequiredService<UserAccounts>());
        services.AddScoped<IUserAdministration, UserAdministration>();
        services.AddScoped<IAccountSessions, SessionStore>();
        services.AddScoped<IFirstUse, FirstUse>();
        return identity;
    }

    /// <summary>OpenIddict's stores (machine clients, their tokens) in the accounts' tables.</summary>
    public static OpenIddictCoreBuilder UseWorkforceAccountStores(this OpenIddictCoreBuilder core)
    {
        core.UseEntityFrameworkCore().UseDbContext<AccountsDbContext>();
        return core;
    }
}

internal sealed class WorkforceAdministration(TeamBook book, RosterImport roster) : IWorkforceAdministration
{
    public Task<TeamView> CreateTeamAsync(string name, string by, CancellationToken cancellationToken) => book.CreateTeamAsync(name, by, cancellationToken);

    public Task<TeamView> RenameTeamAsync(long teamId, string name, string by, CancellationToken cancellationToken) =>
        book.RenameTeamAsync(teamId, name, by, cancellationToken);

    public Task RetireTeamAsync(long teamId, string by, CancellationToken cancellationToken) => book.RetireTeamAsync(teamId, by, cancellationToken);

    public Task SaveOfficerAsync(OfficerRecord officer, string by, CancellationToken cancellationToken) => book.SaveOfficerAsync(officer, by, cancellationToken);

    public Task<RosterPlan> PlanRosterAsync(string csv, RosterRules rules, IReadOnlyList<RosterAccount> accounts, CancellationToken cancellationToken) =>
        roster.PlanAsync(csv, rules, accounts, cancellationToken);

    public Task<RosterOutcome> ApplyRosterAsync(RosterPlan plan, IReadOnlyDictionary<int, string> newAccounts, string by, CancellationToken cancellationToken) =>
        roster.ApplyAsync(plan, newAccounts, by, cancellationToken);
}

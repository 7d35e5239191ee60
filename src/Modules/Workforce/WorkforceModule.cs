using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Modules.Workforce.Data;
using HotSpots.Modules.Workforce.Roster;
using HotSpots.Modules.Workforce.Teams;
using HotSpots.Platform.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Workforce;

/// <summary>The force's people: teams and officer records (names, collar numbers, teams, supervisors), and the roster import.</summary>
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

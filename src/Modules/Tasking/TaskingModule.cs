using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Tasking.Data;
using HotSpots.Modules.Tasking.Direct;
using HotSpots.Modules.Tasking.Teams;
using HotSpots.Platform.Data;
using HotSpots.Platform.Geography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Tasking;

public static class TaskingModule
{
    public const string Name = "Tasking";

    public static IServiceCollection AddTaskingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TaskingDbContext, TaskingSqliteContext, TaskingPostgresContext>(DatabaseSettings.From(configuration), Name);
        services.AddSingleton(TaskingSettings.From(configuration));
        services.AddSingleton(new TaskingRandom(new Random()));
        services.AddScoped<DirectMe>();
        services.AddScoped<Directions>();
        services.AddScoped<TeamRoster>();
        services.AddScoped<ITaskingModule, TaskingFacade>();
        return services;
    }
}

internal sealed class TaskingFacade(IHotspotSnapshot snapshot, DirectMe directMe, Directions directions, TeamRoster roster) : ITaskingModule
{
    public IReadOnlyList<SpotDistance> NearMe(GeoPoint position, int count) => snapshot.Current.Nearest(position, count);

    public Task<Direction?> DirectMeAsync(string officerId, GeoPoint position, CancellationToken cancellationToken) =>
        directMe.PickAsync(officerId, position, cancellationToken);

    public Task<Direction?> GetDirectionAsync(long directionId, string officerId, CancellationToken cancellationToken) =>
        directions.GetAsync(directionId, officerId, cancellationToken);

    public Task<TeamView> CreateTeamAsync(string name, CancellationToken cancellationToken) => roster.CreateAsync(name, cancellationToken);

    public Task SaveOfficerAsync(string officerId, string displayName, long? teamId, CancellationToken cancellationToken) =>
        roster.SaveOfficerAsync(officerId, displayName, teamId, cancellationToken);

    public Task<IReadOnlyList<OfficerView>> ListOfficersAsync(CancellationToken cancellationToken) => roster.OfficersAsync(cancellationToken);

    public Task<IReadOnlyList<TeamView>> ListTeamsAsync(CancellationToken cancellationToken) => roster.TeamsAsync(cancellationToken);
}

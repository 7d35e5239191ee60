using HotSpots.Modules.Tasking.Assignments;
using HotSpots.Modules.Tasking.Board;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Tasking.Data;
using HotSpots.Modules.Tasking.Direct;
using HotSpots.Modules.Tasking.Trials;
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
        services.AddSingleton<TaskingBoard>();
        services.AddScoped<NearMe>();
        services.AddScoped<DirectMe>();
        services.AddScoped<Directions>();
        services.AddScoped<IDirectionPositions, DirectionPositions>();
        services.AddScoped<AssignmentBook>();
        services.AddScoped<ITrials, TrialBook>();
        services.AddScoped<ITaskingModule, TaskingFacade>();
        return services;
    }
}

internal sealed class TaskingFacade(NearMe nearMe, DirectMe directMe, Directions directions, AssignmentBook assignments)
    : ITaskingModule
{
    public Task<IReadOnlyList<NearbySpot>> NearMeAsync(string officerId, GeoPoint position, int count, CancellationToken cancellationToken) =>
        nearMe.ListAsync(officerId, position, count, cancellationToken);

    public Task<NearbySpot?> ChosenSpotAsync(string officerId, long hotspotId, GeoPoint? position, CancellationToken cancellationToken) =>
        nearMe.ChosenAsync(officerId, hotspotId, position, cancellationToken);

    public Task<Direction?> DirectMeAsync(string officerId, GeoPoint position, CancellationToken cancellationToken) =>
        directMe.PickAsync(officerId, position, cancellationToken);

    public Task<Direction?> GetDirectionAsync(long directionId, string officerId, CancellationToken cancellationToken) =>
        directions.GetAsync(directionId, officerId, cancellationToken);

    public Task<PatrolPermission> CheckPatrolAsync(string officerId, long hotspotId, CancellationToken cancellationToken) =>
        assignments.CheckPatrolAsync(hotspotId, cancellationToken);

    public Task<TaskingDay> TodayAsync(CancellationToken cancellationToken) => assignments.TodayAsync(cancellationToken);

    public Task<AssignmentView> AssignAsync(long hotspotId, long teamId, string shift, string assignedBy, CancellationToken cancellationToken) =>
        assignments.AssignAsync(hotspotId, teamId, shift, assignedBy, cancellationToken);

    public Task RemoveAssignmentAsync(long assignmentId, string removedBy, CancellationToken cancellationToken) =>
        assignments.RemoveAsync(assignmentId, removedBy, cancellationToken);

    public Task<DoseTargets> GetDoseTargetsAsync(CancellationToken cancellationToken) => assignments.TargetsAsync(cancellationToken);

    public Task SetDoseTargetsAsync(DoseTargets targets, string changedBy, CancellationToken cancellationToken) =>
        assignments.SetTargetsAsync(targets, changedBy, cancellationToken);
}

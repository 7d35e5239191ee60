using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Pings;
using HotSpots.Modules.Patrols.Reports;
using HotSpots.Modules.Patrols.Sessions;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Patrols;

public static class PatrolsModule
{
    public const string Name = "Patrols";

    public static IServiceCollection AddPatrolsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PatrolsDbContext, PatrolsSqliteContext, PatrolsPostgresContext>(DatabaseSettings.From(configuration), Name);
        services.AddSingleton(PatrolSettings.From(configuration));
        services.AddScoped<PatrolSessions>();
        services.AddScoped<PingRecorder>();
        services.AddScoped<PatrolReports>();
        services.AddScoped<IPatrolModule, PatrolsFacade>();
        services.AddScoped<IDoseSource, PatrolDoseSource>();
        return services;
    }
}

internal sealed class PatrolsFacade(PatrolSessions sessions, PingRecorder pings, PatrolReports reports) : IPatrolModule
{
    public Task<PatrolView> StartAsync(string officerId, long hotspotId, CancellationToken cancellationToken) =>
        sessions.StartAsync(officerId, hotspotId, cancellationToken);

    public Task<PatrolView?> GetAsync(long patrolId, string officerId, CancellationToken cancellationToken) =>
        sessions.GetAsync(patrolId, officerId, cancellationToken);

    public Task<PingBatchResult> RecordPingsAsync(long patrolId, string officerId, IReadOnlyList<PingInput> batch, CancellationToken cancellationToken) =>
        pings.RecordAsync(patrolId, officerId, batch, cancellationToken);

    public Task LogActivityAsync(long patrolId, string officerId, ActivityInput activity, CancellationToken cancellationToken) =>
        sessions.LogActivityAsync(patrolId, officerId, activity, cancellationToken);

    public Task<PatrolView> EndAsync(long patrolId, string officerId, CancellationToken cancellationToken) =>
        sessions.EndAsync(patrolId, officerId, cancellationToken);

    public Task<IReadOnlyList<LivePatrol>> ListRunningAsync(CancellationToken cancellationToken) => reports.RunningAsync(cancellationToken);

    public Task<IReadOnlyList<SpotMinutes>> MinutesBySpotAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        reports.BySpotAsync(fromUtc, toUtc, cancellationToken);

    public Task<IReadOnlyList<OfficerMinutes>> MinutesByOfficerAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        reports.ByOfficerAsync(fromUtc, toUtc, cancellationToken);
}

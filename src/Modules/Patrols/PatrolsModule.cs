using Hangfire;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Contracts.Demo;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Jobs;
using HotSpots.Modules.Patrols.Pings;
using HotSpots.Modules.Patrols.Reports;
using HotSpots.Modules.Patrols.Sessions;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Patrols.Store;
using HotSpots.Platform;
using HotSpots.Platform.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Patrols;

public static class PatrolsModule
{
    public const string Name = "Patrols";

    public static IServiceCollection AddPatrolsModule(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseSettings.From(configuration);
        services.AddModuleDbContext<PatrolsDbContext, PatrolsSqliteContext, PatrolsPostgresContext>(database, Name);
        var settings = PatrolSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(settings.PingTiming);
        TrackWriter.Register(services, database.Provider);
        services.AddSingleton<PatrolStateCache>();
        services.AddSingleton<TrackDerivations>();
        services.AddScoped<PatrolEnding>();
        services.AddScoped<PatrolObservation>();
        services.AddScoped<PatrolSessions>();
        services.AddScoped<PingRecorder>();
        services.AddScoped<PatrolReports>();
        services.AddScoped<TrackViews>();
        services.AddScoped<RuntimeSettings>();
        services.AddScoped<EndOverduePatrolsJob>();
        services.AddScoped<PurgePingsJob>();
        services.AddScoped<BaselinePresenceJob>();
        services.AddScoped<IOfficerPatrols, OfficerPatrols>();
        services.AddScoped<IPatrolPresence, PatrolPresence>();
        services.AddScoped<IPatrolSupervision, PatrolSupervision>();
        services.AddScoped<IPatrolPolicySettings, PatrolPolicySettings>();
        services.AddScoped<IDoseSource, PatrolDoseSource>();
        services.AddSingleton<IRecurringJobs, PatrolJobs>();
        return services;
    }

    /// <summary>
    /// Demo mode only: adds <see cref="IDemoPatrolHistory"/>, with which the demo seed makes the demo force's past
    /// patrols. The web host calls this only when the demo is enabled; production has no way to start a past patrol.
    /// </summary>
    public static IServiceCollection AddPatrolsDemoHistory(this IServiceCollection services) =>
        services.AddScoped<IDemoPatrolHistory, DemoPatrolHistory>();
}

internal sealed class PatrolJobs(PatrolSettings settings) : IRecurringJobs
{
    public void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<EndOverduePatrolsJob>(EndOverduePatrolsJob.Id, j => j.RunAsync(CancellationToken.None), settings.AutoEndCron);
        jobs.AddOrUpdate<PurgePingsJob>(PurgePingsJob.Id, j => j.RunAsync(CancellationToken.None), settings.PurgeCron);
        jobs.AddOrUpdate<BaselinePresenceJob>(BaselinePresenceJob.Id, j => j.RunAsync(CancellationToken.None), settings.BaselineCron);
    }
}

internal sealed class DemoPatrolHistory(PatrolSessions sessions) : IDemoPatrolHistory
{
    public Task<PatrolView> StartPastAsync(string officerId, long hotspotId, DateTime startedUtc, CancellationToken cancellationToken) =>
        sessions.StartPastAsync(officerId, hotspotId, startedUtc, cancellationToken);
}

/// <summary>The officer's own patrol commands.</summary>
internal sealed class OfficerPatrols(PatrolSessions sessions, PingRecorder pings, TrackViews tracks, PatrolObservation observation, PatrolEnding ending)
    : IOfficerPatrols
{
    public Task<PatrolView> StartAsync(string officerId, long hotspotId, CancellationToken cancellationToken) =>
        sessions.StartAsync(officerId, hotspotId, cancellationToken);

    public Task<PatrolView?> GetAsync(long patrolId, string officerId, CancellationToken cancellationToken) =>
        sessions.GetAsync(patrolId, officerId, cancellationToken);

    public Task<PingBatchResult> RecordPingsAsync(long patrolId, string officerId, IReadOnlyList<PingInput> batch, CancellationToken cancellationToken) =>
        pings.RecordAsync(patrolId, officerId, batch, cancellationToken);

    public async Task RecordUnobservedAsync(long patrolId, string officerId, UnobservedInput stretch, CancellationToken cancellationToken)
    {
        if (await observation.RecordAsync(patrolId, officerId, stretch, cancellationToken)) await ending.RederiveEndedAsync(patrolId, cancellationToken);
    }

    public Task LogActivityAsync(long patrolId, string officerId, ActivityInput activity, CancellationToken cancellationToken) =>
        sessions.LogActivityAsync(patrolId, officerId, activity, cancellationToken);

    public Task<PatrolView> UndoActivityAsync(long patrolId, string officerId, long sequence, CancellationToken cancellationToken) =>
        sessions.UndoActivityAsync(patrolId, officerId, sequence, cancellationToken);

    public Task<PatrolView> EndAsync(long patrolId, string officerId, DateTime? endedUtc, CancellationToken cancellationToken) =>
        sessions.EndAsync(patrolId, officerId, endedUtc, cancellationToken);

    public Task<IReadOnlyList<PatrolView>> ListOwnPatrolsAsync(string officerId, int count, CancellationToken cancellationToken) =>
        tracks.OwnAsync(officerId, count, cancellationToken);
}

/// <summary>What patrols and the location feed add up to: reports only.</summary>
internal sealed class PatrolPresence(PatrolReports reports) : IPatrolPresence
{
    public Task<IReadOnlyList<SpotMinutes>> MinutesBySpotAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        reports.BySpotAsync(fromUtc, toUtc, cancellationToken);

    public Task<IReadOnlyList<OfficerMinutes>> MinutesByOfficerAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        reports.ByOfficerAsync(fromUtc, toUtc, cancellationToken);

    public Task<IReadOnlyList<SpotDayDosage>> GetDosageAsync(DateTime fromUtc, DateTime toUtc, PresenceSource source, CancellationToken cancellationToken) =>
        reports.DosageAsync(fromUtc, toUtc, source, cancellationToken);

    public Task<IReadOnlyList<VisitView>> ListVisitsAsync(DateTime fromUtc, DateTime toUtc, PresenceSource source, CancellationToken cancellationToken) =>
        reports.VisitsAsync(fromUtc, toUtc, source, cancellationToken);

    public Task<IReadOnlyList<ActivityView>> ListActivitiesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        reports.ActivitiesAsync(fromUtc, toUtc, cancellationToken);
}

/// <summary>Supervisors' views: running patrols, team patrols, tracks (audited).</summary>
internal sealed class PatrolSupervision(PatrolReports reports, TrackViews tracks) : IPatrolSupervision
{
    public Task<IReadOnlyList<LivePatrol>> ListRunningAsync(CancellationToken cancellationToken) => reports.RunningAsync(cancellationToken);

    public Task<IReadOnlyList<TeamPatrol>> ListTeamPatrolsAsync(string supervisorId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        tracks.TeamAsync(supervisorId, fromUtc, toUtc, cancellationToken);

    public Task<PatrolTrack> GetTrackAsync(long patrolId, TrackViewer viewer, CancellationToken cancellationToken) =>
        tracks.TrackAsync(patrolId, viewer, cancellationToken);
}

/// <summary>The privacy policy (run-time settings, changes audited).</summary>
internal sealed class PatrolPolicySettings(RuntimeSettings settings) : IPatrolPolicySettings
{
    public Task<PatrolPolicy> GetPolicyAsync(CancellationToken cancellationToken) => settings.PolicyAsync(cancellationToken);

    public Task SetPolicyAsync(PatrolPolicy policy, string changedBy, CancellationToken cancellationToken) =>
        settings.SetAsync(policy, changedBy, cancellationToken);
}

using HotSpots.Modules.Dashboard.Compliance;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Dashboard.Crimes;
using HotSpots.Modules.Dashboard.Exports;
using HotSpots.Modules.Dashboard.Impact;
using HotSpots.Modules.Dashboard.Leaderboards;
using HotSpots.Modules.Dashboard.Manager;
using HotSpots.Modules.Dashboard.MyWeek;
using HotSpots.Modules.Dashboard.Pdf;
using HotSpots.Modules.Dashboard.People;
using HotSpots.Modules.Dashboard.Settings;
using HotSpots.Modules.Dashboard.Trials;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Dashboard;

public static class DashboardModule
{
    public static IServiceCollection AddDashboardModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CrimeCache>();
        services.AddSingleton<SpotAreas>();
        services.AddScoped<ManagerDashboardQuery>();
        services.AddScoped<TrialOutcomes>();
        services.AddScoped<TrialBlinding>();
        services.AddScoped<CrimeExplorerQuery>();
        services.AddScoped<PeopleQuery>();
        services.AddScoped<ComplianceQuery>();
        services.AddScoped<ImpactQuery>();
        services.AddScoped<LeaderboardQuery>();
        services.AddScoped<PresenceQuery>();
        services.AddScoped<MyWeekQuery>();
        services.AddScoped<DashboardSettingsStore>();
        services.AddScoped<Exporter>();
        services.AddScoped<FeedRows>();
        services.AddScoped<BriefingPdf>();
        services.AddScoped<MonthlyReportPdf>();
        services.AddScoped<IDashboardModule, DashboardFacade>();
        return services;
    }
}

internal sealed class DashboardFacade(
    ManagerDashboardQuery manager, TrialOutcomes trialOutcomes, CrimeExplorerQuery crimes, PeopleQuery people, ComplianceQuery compliance,
    ImpactQuery impact, LeaderboardQuery leaderboards, DashboardSettingsStore settings, Exporter exporter, FeedRows feed,
    BriefingPdf briefing, MonthlyReportPdf monthly, TrialBlinding blinding, IHotspotSnapshot hotspots, PresenceQuery presence, MyWeekQuery myWeek) : IDashboardModule
{
    public async Task<ManagerDashboard> GetManagerDashboardAsync(TrialSight sight, CancellationToken cancellationToken) =>
        await manager.GetAsync(await blinding.ForAsync(sight, cancellationToken), cancellationToken);

    public Task<string> TrialOutcomesCsvAsync(long trialId, string exportedBy, CancellationToken cancellationToken) =>
        trialOutcomes.CsvAsync(trialId, exportedBy, cancellationToken);

    public async Task<CrimeExplorer> GetCrimesAsync(CrimeFilter filter, TrialSight sight, CancellationToken cancellationToken) =>
        await crimes.GetAsync(filter, await blinding.ForAsync(sight, cancellationToken), cancellationToken);

    public Task<PeopleInSpots> GetPeopleInSpotsAsync(int months, CancellationToken cancellationToken) => people.InSpotsAsync(months, cancellationToken);

    public Task<PersonHistory> OpenPersonAsync(string personId, string viewer, string? justification, CancellationToken cancellationToken) =>
        people.OpenAsync(personId, viewer, justification, cancellationToken);

    public async Task<ComplianceReport> GetComplianceAsync(DateOnly? from, DateOnly? to, TrialSight sight, CancellationToken cancellationToken) =>
        await compliance.GetAsync(from, to, await blinding.ForAsync(sight, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ControlPresence>> GetTrialControlsAsync(long trialId, CancellationToken cancellationToken) =>
        compliance.TrialControlsAsync(trialId, cancellationToken);

    public Task<TrialPresence> GetTrialPresenceAsync(long trialId, CancellationToken cancellationToken) => presence.TrialAsync(trialId, cancellationToken);

    public Task<string> TrialPresenceCsvAsync(long trialId, string exportedBy, CancellationToken cancellationToken) =>
        presence.TrialCsvAsync(trialId, exportedBy, cancellationToken);

    public Task<Contracts.MyWeek> GetMyWeekAsync(string officerId, CancellationToken cancellationToken) => myWeek.GetAsync(officerId, cancellationToken);
    public Task<TrialFlow> GetTrialFlowAsync(long trialId, CancellationToken cancellationToken) => compliance.TrialFlowAsync(trialId, cancellationToken);

    public async Task<ImpactReport> GetImpactAsync(ImpactRequest request, TrialSight sight, CancellationToken cancellationToken) =>
        await impact.GetAsync(request, await blinding.ForAsync(sight, cancellationToken), cancellationToken);

    public async Task<TrialSimulationReport> SimulateTrialsAsync(TrialSimulationRequest request, CancellationToken cancellationToken)
    {
        var current = await hotspots.CurrentAsync(cancellationToken);
        if (current.Set is null || current.Spots.Count < 2) throw new InvalidOperationException("The simulation needs a published hot spot set with at least two spots.");
        var trainingDays = Math.Max(1, (current.Set.TrainingToUtc - current.Set.TrainingFromUtc).TotalDays);
        var spots = current.Spots.Select(s => new Evaluation.SimulatedSpot(
            new TrialSpot($"S{s.Rank:000}", s.Id, s.Rank, s.Name, s.Harm), s.CrimeCount / trainingDays)).ToList();
        var result = Evaluation.TrialSimulation.Run(new Evaluation.SimulationSpec(
            request.Design, request.Effect, request.Overdispersion, request.Seed, request.Trials, request.Days, Draws: request.Draws), spots);
        return new TrialSimulationReport(request, spots.Count, spots.Average(s => s.RatePerDay), result.Coverage, result.PlainPoissonCoverage,
            result.TypeIError, result.Power, result.NullCoverage, result.PlainPoissonNullCoverage, result.MeanRatio, result.Undefined);
    }

    public Task<Contracts.Leaderboards> GetLeaderboardsAsync(LeaderboardPeriod period, string? viewerOfficerId, CancellationToken cancellationToken) =>
        leaderboards.GetAsync(period, viewerOfficerId, cancellationToken);

    public Task<DashboardSettings> GetSettingsAsync(CancellationToken cancellationToken) => settings.GetAsync(cancellationToken);

    public Task SetSettingsAsync(DashboardSettings value, string changedBy, CancellationToken cancellationToken) =>
        settings.SetAsync(value, changedBy, cancellationToken);

    public async Task<IReadOnlyList<PublishedHotspot>> GetPublishedSpotsAsync(TrialSight sight, CancellationToken cancellationToken)
    {
        var seen = await blinding.ForAsync(sight, cancellationToken);
        return hotspots.Current.Spots.Where(s => seen.Names(s.Id)).ToList();
    }

    public async Task<byte[]?> BriefingPdfAsync(long hotspotId, TrialSight sight, CancellationToken cancellationToken) =>
        await briefing.RenderAsync(hotspotId, await blinding.ForAsync(sight, cancellationToken), cancellationToken);

    public async Task<byte[]> MonthlyReportPdfAsync(int year, int month, TrialSight sight, CancellationToken cancellationToken) =>
        await monthly.RenderAsync(year, month, await blinding.ForAsync(sight, cancellationToken), cancellationToken);

    public async Task<string> ExportAsync(ExportRequest request, TrialSight sight, string exportedBy, CancellationToken cancellationToken) =>
        await exporter.ExportAsync(request, await blinding.ForAsync(sight, cancellationToken), exportedBy, cancellationToken);

    public async Task<IEnumerable<T>> GetFeedAsync<T>(CancellationToken cancellationToken) where T : class => typeof(T) switch
    {
        var t when t == typeof(HotspotRow) => (IEnumerable<T>)feed.Hotspots(),
        var t when t == typeof(VisitRow) => (IEnumerable<T>)await feed.VisitsAsync(cancellationToken),
        var t when t == typeof(ActivityRow) => (IEnumerable<T>)await feed.ActivitiesAsync(cancellationToken),
        var t when t == typeof(DosageRow) => (IEnumerable<T>)await feed.DosageAsync(cancellationToken),
        var t when t == typeof(PresenceRow) => (IEnumerable<T>)await presence.FeedAsync(cancellationToken),
        var t when t == typeof(ActivityCountRow) => (IEnumerable<T>)await feed.ActivityCountsAsync(cancellationToken),
        var t when t == typeof(CrimeRow) => (IEnumerable<T>)await feed.CrimesAsync(cancellationToken),
        _ => throw new ArgumentException($"The feed has no set of {typeof(T).Name}."),
    };
}

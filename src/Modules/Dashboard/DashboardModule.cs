using HotSpots.Modules.Dashboard.Compliance;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Dashboard.Crimes;
using HotSpots.Modules.Dashboard.Exports;
using HotSpots.Modules.Dashboard.Impact;
using HotSpots.Modules.Dashboard.Leaderboards;
using HotSpots.Modules.Dashboard.Manager;
using HotSpots.Modules.Dashboard.Pdf;
using HotSpots.Modules.Dashboard.People;
using HotSpots.Modules.Dashboard.Settings;
using HotSpots.Modules.Dashboard.Trials;
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
        services.AddScoped<CrimeExplorerQuery>();
        services.AddScoped<PeopleQuery>();
        services.AddScoped<ComplianceQuery>();
        services.AddScoped<ImpactQuery>();
        services.AddScoped<LeaderboardQuery>();
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
    BriefingPdf briefing, MonthlyReportPdf monthly) : IDashboardModule
{
    public Task<ManagerDashboard> GetManagerDashboardAsync(CancellationToken cancellationToken) => manager.GetAsync(cancellationToken);

    public Task<string> TrialOutcomesCsvAsync(long trialId, string exportedBy, CancellationToken cancellationToken) =>
        trialOutcomes.CsvAsync(trialId, exportedBy, cancellationToken);

    public Task<CrimeExplorer> GetCrimesAsync(CrimeFilter filter, CancellationToken cancellationToken) => crimes.GetAsync(filter, cancellationToken);

    public Task<PeopleInSpots> GetPeopleInSpotsAsync(int months, CancellationToken cancellationToken) => people.InSpotsAsync(months, cancellationToken);

    public Task<PersonHistory> OpenPersonAsync(string personId, string viewer, string? justification, CancellationToken cancellationToken) =>
        people.OpenAsync(personId, viewer, justification, cancellationToken);

    public Task<ComplianceReport> GetComplianceAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        compliance.GetAsync(from, to, cancellationToken);

    public Task<ImpactReport> GetImpactAsync(ImpactRequest request, CancellationToken cancellationToken) => impact.GetAsync(request, cancellationToken);

    public Task<Contracts.Leaderboards> GetLeaderboardsAsync(LeaderboardPeriod period, string? viewerOfficerId, CancellationToken cancellationToken) =>
        leaderboards.GetAsync(period, viewerOfficerId, cancellationToken);

    public Task<DashboardSettings> GetSettingsAsync(CancellationToken cancellationToken) => settings.GetAsync(cancellationToken);

    public Task SetSettingsAsync(DashboardSettings value, string changedBy, CancellationToken cancellationToken) =>
        settings.SetAsync(value, changedBy, cancellationToken);

    public Task<byte[]?> BriefingPdfAsync(long hotspotId, CancellationToken cancellationToken) => briefing.RenderAsync(hotspotId, cancellationToken);

    public Task<byte[]> MonthlyReportPdfAsync(int year, int month, CancellationToken cancellationToken) => monthly.RenderAsync(year, month, cancellationToken);

    public Task<string> ExportAsync(ExportRequest request, string exportedBy, CancellationToken cancellationToken) =>
        exporter.ExportAsync(request, exportedBy, cancellationToken);

    public async Task<IEnumerable<T>> GetFeedAsync<T>(CancellationToken cancellationToken) where T : class => typeof(T) switch
    {
        var t when t == typeof(HotspotRow) => (IEnumerable<T>)feed.Hotspots(),
        var t when t == typeof(VisitRow) => (IEnumerable<T>)await feed.VisitsAsync(cancellationToken),
        var t when t == typeof(ActivityRow) => (IEnumerable<T>)await feed.ActivitiesAsync(cancellationToken),
        var t when t == typeof(CrimeRow) => (IEnumerable<T>)await feed.CrimesAsync(cancellationToken),
        _ => throw new ArgumentException($"The feed has no set of {typeof(T).Name}."),
    };
}

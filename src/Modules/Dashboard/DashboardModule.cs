using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Dashboard.Manager;
using HotSpots.Modules.Dashboard.Trials;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Dashboard;

public static class DashboardModule
{
    public static IServiceCollection AddDashboardModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ManagerDashboardQuery>();
        services.AddScoped<TrialOutcomes>();
        services.AddScoped<IDashboardModule, DashboardFacade>();
        return services;
    }
}

internal sealed class DashboardFacade(ManagerDashboardQuery manager, TrialOutcomes trialOutcomes) : IDashboardModule
{
    public Task<ManagerDashboard> GetManagerDashboardAsync(CancellationToken cancellationToken) => manager.GetAsync(cancellationToken);

    public Task<string> TrialOutcomesCsvAsync(long trialId, string exportedBy, CancellationToken cancellationToken) =>
        trialOutcomes.CsvAsync(trialId, exportedBy, cancellationToken);
}

using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Dashboard.Manager;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Dashboard;

public static class DashboardModule
{
    public static IServiceCollection AddDashboardModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ManagerDashboardQuery>();
        services.AddScoped<IDashboardModule, DashboardFacade>();
        return services;
    }
}

internal sealed class DashboardFacade(ManagerDashboardQuery manager) : IDashboardModule
{
    public Task<ManagerDashboard> GetManagerDashboardAsync(CancellationToken cancellationToken) => manager.GetAsync(cancellationToken);
}

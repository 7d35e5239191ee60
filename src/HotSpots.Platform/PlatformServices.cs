using HotSpots.Platform.Audit;
using HotSpots.Platform.Data;
using HotSpots.Platform.Settings;
using HotSpots.Platform.Events;
using HotSpots.Platform.Revisions;
using HotSpots.Platform.Geography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HotSpots.Platform;

public static class PlatformServices
{
    /// <summary>Registers the shared kernel: clock, projection, event publisher, database settings and the revisions of the data.</summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(GeographyOptions.From(configuration).CreateProjection());
        services.TryAddSingleton<IEventPublisher, InProcessEventPublisher>();
        services.TryAddSingleton(DatabaseSettings.From(configuration));
        services.TryAddSingleton(ForceOptions.From(configuration));
        services.TryAddSingleton<ForceSettingsWatch>();
        services.AddScoped<IForceSettings, ForceSettings>();
        services.AddHostedService<ForceSettingsRefresher>();
        services.AddModuleDbContext<PlatformDbContext, PlatformSqliteContext, PlatformPostgresContext>(DatabaseSettings.From(configuration), PlatformDbContext.Module);
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<ISettingsStore, SettingsStore>();
        services.TryAddSingleton<IRevisionReader, RevisionReader>();
        services.AddSingleton<DatabaseBackup>();
        return services;
    }
}

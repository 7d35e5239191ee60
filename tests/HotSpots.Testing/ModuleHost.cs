using HotSpots.Platform;
using HotSpots.Platform.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Testing;

/// <summary>One module (and what it needs) on a real database, migrated (unless an upgrade test migrates it itself), without the web app.</summary>
public static class ModuleHost
{
    public static async Task<ServiceProvider> StartAsync(
        TestDatabase database, Action<IServiceCollection, IConfiguration> addModules,
        IDictionary<string, string?>? settings = null, TimeProvider? clock = null, bool migrate = true)
    {
        var values = new Dictionary<string, string?>(database.Settings());
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        if (clock is not null) services.AddSingleton(clock);
        services.AddPlatform(configuration);
        addModules(services, configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        if (migrate)
            foreach (var module in provider.GetServices<IModuleDatabase>())
                await module.MigrateAsync(CancellationToken.None);
        return provider;
    }

    public static async Task<TResult> InScopeAsync<T, TResult>(this IServiceProvider services, Func<T, Task<TResult>> action) where T : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<T>());
    }
}

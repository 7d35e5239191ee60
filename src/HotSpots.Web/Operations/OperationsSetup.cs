using System.Text.Json;
using System.Diagnostics.Metrics;
using Hangfire;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Prometheus;

namespace HotSpots.Web.Operations;

/// <summary>What an IT team runs the app with: health, metrics, HTTPS behind a proxy, backups.</summary>
internal static class OperationsSetup
{
    public static void AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<JobServerHealthCheck>("jobs", tags: ["ready"]);
        services.AddHttpContextAccessor();
        services.AddSingleton<IAuthorizationHandler, ScraperNetworkHandler>();
        services.AddSingleton(BackupOptions.From(configuration));
        services.AddSingleton<IRecurringJobs, BackupJobs>();
        services.AddScoped<ScheduledBackupJob>();
        services.AddSingleton<IHostedService, JobMetrics>();
        services.AddHostNames(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // A forwarded host is taken only when it is one the app answers to (AllowedHosts); another is ignored.
            if (HostNames.Allowed(configuration) is var hosts && !hosts.Contains("*"))
                foreach (var host in hosts) o.AllowedHosts.Add(host);
            foreach (var proxy in configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            foreach (var network in configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }

    /// <summary>Behind a reverse proxy: trust its forwarded headers (scheme, client address). Outside development: HSTS.</summary>
    public static void UseProxyAndHttps(this WebApplication app)
    {
        if (app.Configuration.GetValue("Proxy:Enabled", false)) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment() && app.Configuration.GetValue("Https:Hsts", true)) app.UseHsts();
        if (app.Configuration.GetValue("Https:Redirect", false)) app.UseHttpsRedirection();
    }

    public static void MapOperations(this WebApplication app)
    {
        // Read-only endpoints: GET only, so that the access table (docs/security.md) can say so.
        var get = new HttpMethodMetadata(["GET"]);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson }).AllowAnonymous().WithMetadata(get);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJson }).AllowAnonymous().WithMetadata(get);
        app.MapMetrics("/metrics").RequireAuthorization(Policies.Metrics).WithMetadata(get);
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}

/// <summary>Publishes Hangfire's failed and succeeded job counts as metrics (hotspots_jobs_failed, hotspots_jobs_succeeded).</summary>
internal sealed class JobMetrics(JobStorage storage) : IHostedService
{
    private Meter? _meter;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // This app's own meter: several apps in one process (the tests) each report their own storage.
        _meter = new Meter(Telemetry.Meter.Name);
        _meter.CreateObservableGauge("jobs_failed", () => Statistics().Failed, description: "Background jobs that failed and were not retried");
        _meter.CreateObservableGauge("jobs_succeeded", () => Statistics().Succeeded, description: "Background jobs that succeeded");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _meter?.Dispose();
        return Task.CompletedTask;
    }

    private Hangfire.Storage.Monitoring.StatisticsDto Statistics()
    {
        try { return storage.GetMonitoringApi().GetStatistics(); }
        catch (Exception) { return new Hangfire.Storage.Monitoring.StatisticsDto(); }
    }
}

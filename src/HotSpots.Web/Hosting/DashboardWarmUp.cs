using HotSpots.Modules.Dashboard.Contracts;

namespace HotSpots.Web.Hosting;

/// <summary>
/// Loads the dashboard's crimes into memory in the background once the app has started, so that the first analyst to
/// open a page does not wait for hundreds of thousands of crimes to be read.
/// </summary>
internal sealed class DashboardWarmUp(IServiceScopeFactory scopes, ILogger<DashboardWarmUp> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var page = await scope.ServiceProvider.GetRequiredService<IDashboardModule>().GetCrimesAsync(new CrimeFilter(), stoppingToken);
            log.LogInformation("Dashboard: crimes held in memory in {Seconds:0.0} s ({Count} in the last 12 months)", started.Elapsed.TotalSeconds, page.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Only an early load failed: the pages load the crimes themselves, and show the error there.
            log.LogWarning(e, "Dashboard: loading the crimes ahead of the first page failed");
        }
    }
}

using HotSpots.Modules.Dashboard.Contracts;

namespace HotSpots.Web.Hosting;

/// <summary>
/// Loads the dashboard's crimes into memory in the background once the app has started (the ingestion module's copy,
/// which the next hot spot refresh cuts its window from too), then draws the manager's, compliance, impact and
/// leaderboard pages once (nothing is shown or logged as viewed), so that the first person to open a page or refresh
/// the hot spots waits neither for hundreds of thousands of crimes to be read nor for the code to be compiled.
/// </summary>
internal sealed class DashboardWarmUp(IServiceScopeFactory scopes, ILogger<DashboardWarmUp> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var dashboard = scope.ServiceProvider.GetRequiredService<IDashboardModule>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var page = await dashboard.GetCrimesAsync(new CrimeFilter(), TrialSight.Totals, stoppingToken);
            log.LogInformation("Dashboard: crimes held in memory in {Seconds:0.0} s ({Count} in the last 12 months)", started.Elapsed.TotalSeconds, page.Count);
            await dashboard.GetManagerDashboardAsync(TrialSight.Totals, stoppingToken);
            await dashboard.GetComplianceAsync(null, null, TrialSight.Totals, stoppingToken);
            await dashboard.GetImpactAsync(new ImpactRequest(), TrialSight.Totals, stoppingToken);
            await dashboard.GetLeaderboardsAsync(LeaderboardPeriod.Month, null, stoppingToken);
            log.LogInformation("Dashboard: pages drawn once, {Seconds:0.0} s after the start of the warm-up", started.Elapsed.TotalSeconds);
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

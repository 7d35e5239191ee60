using Hangfire;
using HotSpots.Platform;

namespace HotSpots.Web.Hosting;

/// <summary>Registers (or updates) every module's recurring jobs with Hangfire when the app starts.</summary>
internal sealed class RecurringJobsStartup(IEnumerable<IRecurringJobs> modules, IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var module in modules) module.Register(jobs);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

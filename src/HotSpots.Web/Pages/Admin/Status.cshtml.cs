using Hangfire;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Admin;

/// <summary>Is the system healthy: jobs that failed, the last imports and the last hot spot refreshes.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class StatusModel(JobStorage jobs, IImports ingestion, IHotspotModule hotspots, ForceOptions force) : PageModel
{
    public long FailedCount { get; private set; }
    public long SucceededCount { get; private set; }
    public long ScheduledCount { get; private set; }
    public long ServerCount { get; private set; }
    public IReadOnlyList<FailedJob> Failed { get; private set; } = [];
    public IReadOnlyList<ImportSummary> Imports { get; private set; } = [];
    public IReadOnlyList<HotspotSetSummary> Sets { get; private set; } = [];

    public string Local(DateTime? utc) => utc is { } u ? force.UtcToLocal(u).ToString("d MMM yyyy HH:mm") : "—";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var monitoring = jobs.GetMonitoringApi();
        var statistics = monitoring.GetStatistics();
        (FailedCount, SucceededCount, ScheduledCount, ServerCount) = (statistics.Failed, statistics.Succeeded, statistics.Scheduled, statistics.Servers);
        Failed = monitoring.FailedJobs(0, 20)
            .Select(j => new FailedJob(j.Key, j.Value.Job is { } job ? $"{job.Type.Name}.{job.Method.Name}" : "(job type unknown)",
                j.Value.FailedAt, j.Value.ExceptionMessage ?? j.Value.Reason ?? ""))
            .ToList();
        Imports = await ingestion.ListImportsAsync(10, cancellationToken);
        Sets = await hotspots.ListSetsAsync(5, cancellationToken);
    }

    public sealed record FailedJob(string Id, string Name, DateTime? FailedUtc, string Reason);
}

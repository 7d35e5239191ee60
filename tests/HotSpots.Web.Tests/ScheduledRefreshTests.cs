using System.Diagnostics;
using HotSpots.Modules.Hotspots.Contracts;
using Hangfire;
using Hangfire.Storage;
using HotSpots.Testing;

namespace HotSpots.Web.Tests;

public sealed class ScheduledRefreshTests
{
    [Fact]
    public async Task The_hangfire_recurring_job_publishes_a_new_set_on_its_schedule()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?>
        {
            ["Hotspots:RefreshCron"] = "*/5 * * * * *",
            ["Hotspots:AutoPublish"] = "true",
        });
        var snapshot = app.Service<IHotspotSnapshot>();
        var seeded = snapshot.Current.Set!.Id;

        var watch = Stopwatch.StartNew();
        while (snapshot.Current.Set!.Id == seeded && watch.Elapsed < TimeSpan.FromSeconds(90))
            await Task.Delay(500);

        var published = snapshot.Current.Set!;
        published.Id.ShouldBeGreaterThan(seeded, $"the scheduled refresh did not publish a set within 90 s. {JobsReport(app)}");
        published.Status.ShouldBe(HotspotSetStatus.Published);
        published.SpotCount.ShouldBeGreaterThan(0);
        await using var scope = app.Services.CreateAsyncScope();
        var sets = await scope.ServiceProvider.GetRequiredService<IHotspotModule>().ListSetsAsync(10, CancellationToken.None);
        sets.Single(s => s.Id == seeded).Status.ShouldBe(HotspotSetStatus.Retired);
    }

    private static string JobsReport(HotSpotsApp app)
    {
        var monitor = app.Service<JobStorage>().GetMonitoringApi();
        var stats = monitor.GetStatistics();
        var failed = monitor.FailedJobs(0, 3).Select(j => $"{j.Value.ExceptionType}: {j.Value.ExceptionMessage}")
            .Concat(monitor.ScheduledJobs(0, 3).SelectMany(j => monitor.JobDetails(j.Key).History
                .Where(h => h.StateName == "Failed").Take(1).Select(h => $"retry after {h.Reason}: {string.Join(", ", h.Data.Select(d => $"{d.Key}={d.Value}"))}")));
        using var connection = app.Service<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs().Select(r => $"{r.Id} cron={r.Cron} next={r.NextExecution:O} last={r.LastExecution:O} error={r.Error}");
        return $"Jobs: {stats.Succeeded} succeeded, {stats.Failed} failed, {stats.Processing} processing, {stats.Enqueued} enqueued, " +
               $"{stats.Scheduled} scheduled, {stats.Servers} servers. Recurring: {string.Join("; ", recurring)}. Failures: {string.Join(" | ", failed)}";
    }
}

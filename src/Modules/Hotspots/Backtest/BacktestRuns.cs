using System.Text.Json;
using System.Text.Json.Serialization;
using Hangfire;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Data;
using HotSpots.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotSpots.Modules.Hotspots.Backtest;

/// <summary>Backtests asked for in the web app: stored, run by <see cref="BacktestJob"/>, read back with their report.</summary>
internal sealed class BacktestRuns(HotspotsDbContext db, IBackgroundJobClient jobs, TimeProvider clock) : IBacktestRuns
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<long> QueueAsync(BacktestRequest request, string requestedBy, CancellationToken cancellationToken)
    {
        request = request with { DataPath = null, Format = default };
        BacktestRun.Validate(request);
        var record = new BacktestRecord
        {
            RequestedBy = requestedBy,
            RequestedUtc = clock.GetUtcNow().UtcDateTime,
            Status = BacktestRunStatus.Queued,
            Stage = "Waiting for a worker",
            RequestJson = JsonSerializer.Serialize(request, Json),
        };
        db.Backtests.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<BacktestJob>(j => j.RunAsync(record.Id, CancellationToken.None));
        return record.Id;
    }

    public async Task<BacktestRunView?> GetAsync(long id, CancellationToken cancellationToken) =>
        await db.Backtests.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken) is { } record ? View(record) : null;

    public async Task<IReadOnlyList<BacktestRunView>> ListAsync(int count, CancellationToken cancellationToken) =>
        (await db.Backtests.AsNoTracking().OrderByDescending(b => b.Id).Take(count).ToListAsync(cancellationToken)).Select(View).ToList();

    public string PaiChartSvg(BacktestReport report) => BacktestChart.Svg(report);

    private static BacktestRunView View(BacktestRecord r) => new(r.Id, r.Status, r.Stage, r.Done, r.Total, r.RequestedBy, r.RequestedUtc, r.FinishedUtc,
        JsonSerializer.Deserialize<BacktestRequest>(r.RequestJson, Json)!,
        r.ReportJson is null ? null : JsonSerializer.Deserialize<BacktestReport>(r.ReportJson, Json), r.Error);
}

/// <summary>Runs a queued backtest on the crimes held, saving its progress as it goes. Hangfire stores this type's name.</summary>
internal sealed class BacktestJob(IServiceScopeFactory scopes, BacktestRun run, TimeProvider clock, ILogger<BacktestJob> log)
{
    public async Task RunAsync(long id, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HotspotsDbContext>();
            await db.Backtests.Where(b => b.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(b => b.Status, BacktestRunStatus.Running).SetProperty(b => b.Stage, "Starting"), cancellationToken);
        }
        var request = await ReadAsync(id, cancellationToken);
        var progress = new Saver(scopes, id);
        try
        {
            var report = await run.RunAsync(request, progress, cancellationToken);
            await FinishAsync(id, BacktestRunStatus.Finished, JsonSerializer.Serialize(report, BacktestRuns.Json), null, cancellationToken);
        }
        catch (Exception e) when (e is ValidationException or InvalidOperationException or ArgumentException)
        {
            // The data cannot be backtested (too few months, no target crimes): the analyst reads why; nothing to retry.
            log.LogWarning("Backtest {Id} cannot run: {Reason}", id, e.Message);
            await FinishAsync(id, BacktestRunStatus.Failed, null, e.Message, cancellationToken);
        }
    }

    private async Task<BacktestRequest> ReadAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var json = await scope.ServiceProvider.GetRequiredService<HotspotsDbContext>().Backtests.Where(b => b.Id == id)
            .Select(b => b.RequestJson).SingleAsync(cancellationToken);
        return JsonSerializer.Deserialize<BacktestRequest>(json, BacktestRuns.Json)!;
    }

    private async Task FinishAsync(long id, BacktestRunStatus status, string? report, string? error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotspotsDbContext>();
        var record = await db.Backtests.SingleAsync(b => b.Id == id, cancellationToken);
        record.Status = status;
        record.Stage = status == BacktestRunStatus.Finished ? "Finished" : "Failed";
        record.ReportJson = report;
        record.Error = error;
        record.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Writes progress to the record at most twice a second, so that the page can show it.</summary>
    private sealed class Saver(IServiceScopeFactory scopes, long id) : IProgress<BacktestProgress>
    {
        private DateTime _last;

        public void Report(BacktestProgress value)
        {
            var now = DateTime.UtcNow;
            if (now - _last < TimeSpan.FromMilliseconds(500) && value.Done != value.Total) return;
            _last = now;
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<HotspotsDbContext>().Backtests.Where(b => b.Id == id)
                .ExecuteUpdate(u => u.SetProperty(b => b.Stage, value.Stage).SetProperty(b => b.Done, value.Done).SetProperty(b => b.Total, value.Total));
        }
    }
}

using Hangfire;
using Hangfire.InMemory;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Modules.Ingestion.Jobs;
using HotSpots.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HotSpots.Ingestion.Tests;

/// <summary>
/// A queued import whose node died halfway: its history says what is true (the rows already imported, waiting to resume),
/// one job takes it up again, and the resumed run ends with the counts of a run that was never stopped.
/// </summary>
public sealed class ResumeTests
{
    private const int Months = 4, RowsPerMonth = 9_000;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_whose_node_died_resumes_from_the_rows_it_wrote_and_counts_each_row_once(string provider)
    {
        await using var clean = await IngestionHost.StartAsync(provider);
        var folder = await WriteMonthsAsync(clean.Folder);
        var uninterrupted = await clean.ImportAsync(folder);

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await IngestionHost.StartAsync(provider, clock: clock);
        var id = await InScopeAsync(host, (CrimeImport i) => i.CreateAsync(new ImportRequest(folder, RequestedBy: "test"), "queued", CancellationToken.None));
        (await InScopeAsync(host, (CrimeImport i) => i.TryClaimAsync(id, CancellationToken.None))).ShouldBeTrue();

        // The run stops after two batches; a killed process leaves its import "running", with the counts of its last commit.
        using (var stop = new CancellationTokenSource())
        {
            var batches = 0;
            var progress = new SynchronousProgress(_ => { if (++batches == 2) stop.Cancel(); });
            await Should.ThrowAsync<OperationCanceledException>(() => InScopeAsync(host, (CrimeImport i) => i.RunQueuedAsync(id, progress, stop.Token)));
        }
        await InScopeAsync(host, async (IngestionDbContext db) =>
        {
            await db.Imports.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, "running").SetProperty(r => r.Error, (string?)null));
        });
        var written = await host.CountAsync();
        written.ShouldBe(2 * (RowsPerMonth - 2), "two files of good rows were written before the run stopped");

        // While its heartbeat is recent it is running; once it is older than the timeout, the history says it waits to resume.
        (await host.Imports(m => m.GetImportAsync(id, CancellationToken.None)))!.Status.ShouldBe("running");
        clock.Advance(CrimeImport.HeartbeatTimeout + TimeSpan.FromSeconds(1));
        var waiting = (await host.Imports(m => m.GetImportAsync(id, CancellationToken.None)))!;
        waiting.Status.ShouldBe("interrupted");
        waiting.IsActive.ShouldBeTrue("an import waiting to resume has not ended");
        waiting.StatusText.ShouldContain("Waiting to resume");
        waiting.Imported.ShouldBe(written, "the history should count the rows already imported");
        waiting.RowsDone.ShouldBe(2 * RowsPerMonth);

        // The resume job queues it once, however many runs of it overlap; of the jobs that then try it, one runs it.
        var storage = new InMemoryStorage();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => InScopeAsync(host, (IngestionDbContext db) =>
            new ResumeImportsJob(db, new BackgroundJobClient(storage), clock, NullLogger<ResumeImportsJob>.Instance).RunAsync(CancellationToken.None))));
        storage.GetMonitoringApi().EnqueuedCount("default").ShouldBe(1);
        (await host.Imports(m => m.GetImportAsync(id, CancellationToken.None)))!.Status.ShouldBe("interrupted");
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => InScopeAsync(host, (CrimeImport i) => i.TryClaimAsync(id, CancellationToken.None))));
        claims.Count(c => c).ShouldBe(1);

        var resumed = await InScopeAsync(host, (CrimeImport i) => i.RunQueuedAsync(id, null, CancellationToken.None));
        (resumed.Imported, resumed.Updated, resumed.Unchanged, resumed.Quarantined, resumed.Unmappable)
            .ShouldBe((uninterrupted.Imported, uninterrupted.Updated, uninterrupted.Unchanged, uninterrupted.Quarantined, uninterrupted.Unmappable));
        var ended = (await host.Imports(m => m.GetImportAsync(id, CancellationToken.None)))!;
        ended.Status.ShouldBe("completed");
        ended.Imported.ShouldBe(uninterrupted.Imported);
        ended.RowsDone.ShouldBe(Months * RowsPerMonth);
        (await host.CountAsync()).ShouldBe(await clean.CountAsync());
        (await InScopeAsync(host, (CrimeImport i) => i.TryClaimAsync(id, CancellationToken.None))).ShouldBeFalse("a completed import is not run again");
    }

    private static async Task<T> InScopeAsync<TService, T>(IngestionHost host, Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static async Task InScopeAsync<TService>(IngestionHost host, Func<TService, Task> action) where TService : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Months of data.police.uk rows with two bad rows each.</summary>
    private static async Task<string> WriteMonthsAsync(string root)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "input")).FullName;
        for (var m = 0; m < Months; m++)
        {
            var month = $"2024-{m + 1:00}";
            var rows = PoliceUk.Month(month, RowsPerMonth - 2, 40 + m);
            rows.AddRange([$"x{m},{month},a,b,-0.97,99.5,On or near A,E1,N,Drugs,,", $"y{m},13-{month},a,b,-0.97,51.5,On or near A,E1,N,Drugs,,"]);
            await File.WriteAllLinesAsync(Path.Combine(folder, $"{month}-thames-valley-street.csv"), [PoliceUk.Header, .. rows]);
        }
        return folder;
    }

    /// <summary>Reports on the importing thread, so that the cancellation lands exactly after the batch it follows.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

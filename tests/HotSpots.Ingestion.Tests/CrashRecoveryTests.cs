using System.Diagnostics;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Ingestion.Tests;

/// <summary>An import stopped halfway (cancelled, or its process killed) and run again ends exactly like an uninterrupted run.</summary>
public sealed class CrashRecoveryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_stopped_after_two_batches_and_run_again_ends_identical_to_a_clean_run(string provider)
    {
        await using var clean = await IngestionHost.StartAsync(provider);
        var folder = await WriteMonthsAsync(clean.Folder, 5, 9_000, withBadRows: true);
        await clean.ImportAsync(folder);

        await using var stopped = await IngestionHost.StartAsync(provider);
        using var stop = new CancellationTokenSource();
        var batches = 0;
        var progress = new SynchronousProgress(_ => { if (++batches == 2) stop.Cancel(); });
        await Should.ThrowAsync<OperationCanceledException>(() =>
            stopped.Imports(m => m.ImportAsync(new ImportRequest(folder, RequestedBy: "test"), progress, stop.Token)));
        var partial = await stopped.CountAsync();
        partial.ShouldBeGreaterThan(0);
        partial.ShouldBeLessThan(45_000);
        (await stopped.Imports(m => m.ListImportsAsync(1, CancellationToken.None))).Single().Status.ShouldBe("interrupted");

        var again = await stopped.ImportAsync(folder);
        again.Unchanged.ShouldBe(partial);
        (again.Imported + again.Unchanged).ShouldBe(5 * (9_000 - 2));
        (await ContentAsync(stopped)).ShouldBe(await ContentAsync(clean));
    }

    [Fact]
    public async Task An_import_whose_process_is_killed_and_run_again_ends_identical_to_a_clean_run()
    {
        await using var clean = await IngestionHost.StartAsync();
        var folder = await WriteMonthsAsync(clean.Folder, 20, 10_000, withBadRows: true);
        var total = (await clean.ImportAsync(folder)).Imported;

        await using var killed = await IngestionHost.StartAsync();
        using (var process = StartImport(killed.Folder, folder))
        {
            var watch = Stopwatch.StartNew();
            while (await CountOnDiskAsync(killed.Folder) < 20_000)
            {
                if (process.HasExited)
                    throw new ShouldAssertException($"The import ended (exit code {process.ExitCode}) before it could be killed: {await process.StandardError.ReadToEndAsync()}");
                watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(3));
                await Task.Delay(20);
            }
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var partial = await killed.CountAsync();
        partial.ShouldBeLessThan(total, "the import was killed halfway");

        var again = await killed.ImportAsync(folder);
        (again.Imported + again.Unchanged).ShouldBe(total);
        (await ContentAsync(killed)).ShouldBe(await ContentAsync(clean));
    }

    /// <summary>The import through the app's own command line, in a process of its own.</summary>
    private static Process StartImport(string dataDirectory, string path)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var app = Path.Combine(RepositoryPaths.Root, "src", "HotSpots.Web", "bin", configuration, "net10.0", "HotSpots.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app, "import", path])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
            Environment = { ["HOTSPOTS_DATA_DIR"] = dataDirectory, ["Database__Provider"] = "Sqlite" },
        };
        return Process.Start(start)!;
    }

    private static async Task<long> CountOnDiskAsync(string dataDirectory)
    {
        try
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "hotspots.db")};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM ingestion_crimes";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            return 0; // not created or not migrated yet
        }
    }

    /// <summary>Months of data.police.uk rows (with repeated IDs and identical lines), and two bad rows per month.</summary>
    private static async Task<string> WriteMonthsAsync(string root, int months, int rowsPerMonth, bool withBadRows)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "input")).FullName;
        for (var m = 0; m < months; m++)
        {
            var month = $"{2019 + m / 12}-{m % 12 + 1:00}";
            var rows = PoliceUk.Month(month, rowsPerMonth - (withBadRows ? 2 : 0), m);
            rows.Add(rows[5]);
            rows.RemoveAt(0);
            if (withBadRows) rows.AddRange([$"x{m},{month},a,b,-0.97,99.5,On or near A,E1,N,Drugs,,", $"y{m},13-{month},a,b,-0.97,51.5,On or near A,E1,N,Drugs,,"]);
            await File.WriteAllLinesAsync(Path.Combine(folder, $"{month}-thames-valley-street.csv"), [PoliceUk.Header, .. rows]);
        }
        return folder;
    }

    /// <summary>Everything the import wrote, without surrogate ids and the import that wrote each row.</summary>
    private static async Task<List<string>> ContentAsync(IngestionHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestionDbContext>();
        var crimes = (await db.Crimes.AsNoTracking().ToListAsync()).Select(c =>
            $"{c.Source}|{c.SourceKey}|{c.ContentHash}|{c.Reference}|{c.Category}|{c.OffenceCode}|{c.OccurredFromUtc:O}|{c.OccurredToUtc:O}|{c.HasTimeOfDay}|" +
            $"{c.Latitude}|{c.Longitude}|{c.X:F3}|{c.Y:F3}|{c.Location}|{c.AreaCode}|{c.Outcome}|{c.Unmappable}|{c.OutOfArea}");
        var quarantine = (await db.Quarantine.AsNoTracking().ToListAsync()).Select(q => $"Q|{q.File}|{q.Line}|{q.Field}|{q.Reason}|{q.RawHash}|{q.Status}");
        var people = (await db.PersonLinks.AsNoTracking().Join(db.Crimes, p => p.CrimeId, c => c.Id, (p, c) => new { c.SourceKey, p.PersonId, p.Role }).ToListAsync())
            .Select(p => $"P|{p.SourceKey}|{p.PersonId}|{p.Role}");
        return crimes.Concat(quarantine).Concat(people).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Reports on the importing thread, so that the cancellation lands exactly after the batch it follows.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

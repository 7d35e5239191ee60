using System.Diagnostics;
using HotSpots.Demo;
using HotSpots.Modules.Hotspots;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotSpots.Hotspots.Bench;

/// <summary>
/// End to end: the large demo force written as a force records file, imported into a fresh SQLite database, then
/// refreshed: once with the crimes not yet in memory, then three times with them held.
/// </summary>
internal static class RefreshRun
{
    /// <param name="keep">A folder to keep the database in and reuse on the next run (importing a million crimes takes minutes).</param>
    public static async Task<int> RunAsync(int count, string? keep)
    {
        var folder = keep ?? Directory.CreateTempSubdirectory("hotspots-bench-").FullName;
        var reuse = keep is not null && File.Exists(Path.Combine(keep, "hotspots.db"));
        Directory.CreateDirectory(folder);
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["HOTSPOTS_DATA_DIR"] = folder,
                ["Database:Provider"] = "Sqlite",
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging(b => b.AddProvider(new ConsoleLines()).SetMinimumLevel(LogLevel.Information)
                .AddFilter("Microsoft", LogLevel.Warning));
            services.AddSingleton<IConfiguration>(configuration);
            services.AddPlatform(configuration);
            services.AddIngestionModule(configuration);
            services.AddHotspotsModule(configuration);
            await using var provider = services.BuildServiceProvider();
            foreach (var module in provider.GetServices<IModuleDatabase>()) await module.MigrateAsync(CancellationToken.None);

            var file = Path.Combine(folder, "force.csv");
            var watch = Stopwatch.StartNew();
            if (!reuse)
            {
                await using (var writer = new StreamWriter(file)) ForceRecordsCsv.Write(writer, DemoForce.Crimes(7, ForceData.LastDay, 36, count));
                Console.WriteLine($"Wrote {count:N0} crimes in {watch.Elapsed.TotalSeconds:0.0} s");
                await using var scope = provider.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<IImports>()
                    .ImportAsync(new ImportRequest(file, CrimeFileFormat.ForceRecordsCsv, "benchmark"), null, CancellationToken.None);
                Console.WriteLine($"Imported {report.Imported:N0} in {report.Seconds:0.0} s");
            }
            // On a reused database the first refresh finds no crimes in memory (and code not yet compiled): it reads them all
            // from SQLite. After an import it finds them read, or being read, in the background. The next ones find them
            // held, as every refresh after the app's start-up warm-up or an import does.
            for (var run = 1; run <= 4; run++)
            {
                await using var scope = provider.CreateAsyncScope();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                watch.Restart();
                var set = await scope.ServiceProvider.GetRequiredService<IHotspotModule>().RefreshAsync(publish: false, "benchmark", CancellationToken.None);
                Console.WriteLine($"Refresh {run} ({(run > 1 ? "warm: crimes held in memory" : reuse ? "cold: crimes read from SQLite" : "first, after the import")}): " +
                                  $"{watch.Elapsed.TotalSeconds:0.000} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.000} s CPU, " +
                                  $"{set.SpotCount} spots, {set.Method}");
            }
            await using (var scope = provider.CreateAsyncScope())
            {
                var ingestion = scope.ServiceProvider.GetRequiredService<IIngestedData>();
                var latest = (await ingestion.GetLatestOccurrenceAsync(CancellationToken.None))!.Value;
                watch.Restart();
                var table = await ingestion.GetCrimeTableAsync(latest.AddYears(-1), latest.AddDays(1), CancellationToken.None);
                Console.WriteLine($"A year's window of {table.Count:N0} crimes cut from memory in {watch.Elapsed.TotalSeconds:0.000} s");
            }
            return 0;
        }
        finally
        {
            if (keep is null) Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class ConsoleLines : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Lines();
        public void Dispose() { }

        private sealed class Lines : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                Console.WriteLine($"  {formatter(state, exception)}");
        }
    }
}

using System.Diagnostics;
using BenchmarkDotNet.Running;
using HotSpots.Ingestion.Benchmarks;

// "--once" times one pass of each case without BenchmarkDotNet (a quick check); otherwise BenchmarkDotNet runs.
if (args.Contains("--once"))
{
    var benchmark = new ParseBenchmarks();
    benchmark.Setup();
    var cases = new (string, Func<long>)[] { ("from .csv.gz", benchmark.FromGzip), ("decompressed", benchmark.FromMemory), ("from .csv.gz, a file per core", benchmark.FromGzipOnEveryCore) };
    for (var pass = 1; pass <= 3; pass++)
        foreach (var (name, run) in cases)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var rows = run();
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"pass {pass}, {name}: {rows:N0} rows in {watch.Elapsed.TotalSeconds:0.00} s = {rows / watch.Elapsed.TotalSeconds:N0} rows/s " +
                              $"(CPU {cpuSeconds:0.00} s = {rows / cpuSeconds:N0} rows per CPU second)");
        }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);

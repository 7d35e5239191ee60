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
// "--quotes" shows what each reader makes of a stray quote and of a quoted line break (what the import must survive).
if (args.Contains("--quotes"))
{
    const string sample = "a,b,c\n1,\"x\ny\",3\n4,\"stray,6\n7,8,9\n10,11,12\n";
    Console.WriteLine("input: " + sample.Replace("\n", "⏎"));
    foreach (var tokenizer in CsvLibraryBenchmarks.Tokenizers)
        Console.WriteLine($"{tokenizer}: " + string.Join(" | ", CsvLibraryBenchmarks.Rows(tokenizer, sample)));
    return;
}
// "--compare [PASSES]" times the own CSV reader, Sep and Sylvan in turn (each pass runs every case once, so that a
// shared machine's load falls on all of them alike), checks that the three make the same records, and prints medians.
if (args.Contains("--compare"))
{
    var passes = args.SkipWhile(a => a != "--compare").Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault() is > 0 and var p ? p : 5;
    var benchmark = new CsvLibraryBenchmarks();
    benchmark.Setup();
    Console.WriteLine($"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the start; {passes} passes, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    foreach (var gzip in new[] { true, false })
    {
        var made = CsvLibraryBenchmarks.Tokenizers.Select(t => benchmark.Import(t, gzip)).Distinct().ToList();
        if (made.Count != 1) throw new InvalidOperationException($"The tokenizers made different records: {string.Join(" / ", made)}");
        Console.WriteLine($"{(gzip ? ".csv.gz" : "decompressed")}: all three made {made[0].Rows:N0} rows, {made[0].Records:N0} records, the same checksum");
    }
    var cases = new List<(string Name, Func<long> Run)>();
    foreach (var work in new[] { "tokenize", "import path" })
    foreach (var gzip in new[] { true, false })
    foreach (var tokenizer in CsvLibraryBenchmarks.Tokenizers)
        cases.Add(($"{work}, {tokenizer}, {(gzip ? ".csv.gz" : "decompressed")}",
            work == "tokenize" ? () => benchmark.Tokenize(tokenizer, gzip) : () => benchmark.Import(tokenizer, gzip).Rows));
    var times = cases.ToDictionary(c => c.Name, _ => new List<(double Wall, double Cpu)>());
    for (var pass = 1; pass <= passes; pass++)
        foreach (var (name, run) in cases)
        {
            GC.Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            run();
            times[name].Add((watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds));
        }
    const double rows = 637_090;
    Console.WriteLine($"| case | median wall s | rows/s (wall) | median CPU s | rows per CPU-second | wall s, each pass |");
    Console.WriteLine("|---|---:|---:|---:|---:|---|");
    foreach (var (name, _) in cases)
    {
        var wall = Median(times[name].Select(t => t.Wall));
        var cpu = Median(times[name].Select(t => t.Cpu));
        Console.WriteLine($"| {name} | {wall:0.000} | {rows / wall:N0} | {cpu:0.000} | {rows / cpu:N0} | {string.Join(", ", times[name].Select(t => t.Wall.ToString("0.00")))} |");
    }
    Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

using BenchmarkDotNet.Attributes;
using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;

namespace HotSpots.Hotspots.Bench;

/// <summary>A full refresh's computation on a million crimes: binning, the blend's fit and scores, Gi* with FDR, density, spots and their reasons.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class EngineBenchmarks
{
    private CrimeTable _crimes = null!;
    private MonthWindows _months = null!;
    private SpotBuilder _builder = null!;
    private static readonly HashSet<string> Violence = new(CrimeCategories.SeriousViolence, StringComparer.OrdinalIgnoreCase);

    [Params(1_000_000)]
    public int Crimes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _crimes = ForceData.Table(Crimes);
        var force = new ForceOptions();
        _months = MonthWindows.EndingAfter(force, new DateTime(_crimes.OccurredUtcTicks.ToArray().Max(), DateTimeKind.Utc), 36);
        _builder = new SpotBuilder(WktProjection.BritishNationalGrid(), force);
    }

    [Benchmark(Description = "refresh engine, blend")]
    public int Blend() => Refresh(ScoreMethods.Blend);

    [Benchmark(Description = "refresh engine, counts")]
    public int Counts() => Refresh(ScoreMethods.Counts);

    /// <summary>A few timed runs without BenchmarkDotNet, to see where the time goes while working.</summary>
    public static int Quick()
    {
        var bench = new EngineBenchmarks { Crimes = 1_000_000 };
        bench.Setup();
        for (var i = 0; i < 5; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var grid = HotspotScoring.Score(new ScoringRequest(bench._crimes, bench._months, 12, Violence, ScoreMethods.Blend, 20, 4, 150, 200, 1, 0.05, []));
            var scored = watch.Elapsed.TotalSeconds;
            var scoredCpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var spots = bench._builder.Build(grid, bench._crimes, bench._months, 12, Violence, 0.05);
            var allCpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"score {scored:0.000} s ({scoredCpu:0.000} s CPU), build {watch.Elapsed.TotalSeconds - scored:0.000} s ({allCpu - scoredCpu:0.000} s CPU), " +
                              $"{spots.Count} spots, {grid.ActiveCells} active cells, {grid.Choice?.Windows} windows, blend {(grid.Choice?.Fitted == true ? "fitted" : "not fitted")}");
        }
        return 0;
    }

    private int Refresh(string method)
    {
        var grid = HotspotScoring.Score(new ScoringRequest(_crimes, _months, 12, Violence, method, 20, 4, 150, 200, 1, 0.05, []));
        return _builder.Build(grid, _crimes, _months, 12, Violence, 0.05).Count;
    }
}

using BenchmarkDotNet.Running;
using HotSpots.Hotspots.Bench;

// dotnet run -c Release --project bench/hotspots -- engine        BenchmarkDotNet: the refresh's computation on 1,000,000 crimes
// dotnet run -c Release --project bench/hotspots -- refresh [N] [--keep DIR]   end to end: N crimes imported into SQLite, a cold refresh, three warm ones
return args.FirstOrDefault() switch
{
    "engine" => Run(() => BenchmarkRunner.Run<EngineBenchmarks>(args: args[1..])),
    "quick" => EngineBenchmarks.Quick(),
    "refresh" => await RefreshRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000,
        args.Length > 3 && args[2] == "--keep" ? args[3] : null),
    _ => Usage(),
};

static int Run(Action action)
{
    action();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/hotspots -- engine|refresh [CRIMES]");
    return 2;
}

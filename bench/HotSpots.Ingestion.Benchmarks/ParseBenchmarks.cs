using BenchmarkDotNet.Attributes;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Platform;
using HotSpots.Platform.Geography;

namespace HotSpots.Ingestion.Benchmarks;

/// <summary>
/// Parse and validate every row of the 45 months of Avon and Somerset (637,090 rows): from the .csv.gz files as
/// served, and from the same bytes already decompressed in memory (the parser alone). Positions projected too.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly ForceOptions _force = new();
    private readonly IMetricProjection _projection = WktProjection.BritishNationalGrid();
    private string[] _files = [];
    private byte[][] _decompressed = [];

    [GlobalSetup]
    public void Setup()
    {
        _files = AvonAndSomerset.Files();
        _decompressed = _files.Select(AvonAndSomerset.Decompress).ToArray();
    }

    [Benchmark(Description = "parse + validate + project, from .csv.gz")]
    public long FromGzip() => _files.Sum(f => Parse(AvonAndSomerset.OpenGzip(f), Path.GetFileName(f)));

    [Benchmark(Description = "parse + validate + project, decompressed")]
    public long FromMemory() => _decompressed.Select((bytes, i) => Parse(new MemoryStream(bytes), Path.GetFileName(_files[i]))).Sum();

    /// <summary>Both cores: one file per core at a time, each reader with its own projection (ProjNET does not promise thread safety).</summary>
    [Benchmark(Description = "parse + validate + project, from .csv.gz, a file per core")]
    public long FromGzipOnEveryCore()
    {
        long rows = 0;
        Parallel.ForEach(_files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => WktProjection.BritishNationalGrid(),
            (file, _, projection) =>
            {
                Interlocked.Add(ref rows, Parse(AvonAndSomerset.OpenGzip(file), Path.GetFileName(file), projection));
                return projection;
            }, _ => { });
        return rows;
    }

    public long Parse(Stream stream, string name, IMetricProjection? projection = null)
    {
        var positions = new Positions(projection ?? _projection, null);
        long rows = 0;
        foreach (var row in new PoliceUkStreetReader(_force, name).Read(stream))
        {
            if (row.Record is { } record) positions.Apply(record);
            rows++;
        }
        return rows;
    }
}

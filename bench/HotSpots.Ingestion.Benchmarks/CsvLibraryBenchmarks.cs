using System.Text;
using BenchmarkDotNet.Attributes;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Modules.Ingestion.Reading;
using HotSpots.Platform;
using HotSpots.Platform.Geography;
using nietras.SeparatedValues;
using Sylvan.Data.Csv;

namespace HotSpots.Ingestion.Benchmarks;

/// <summary>
/// The import's own CSV reader against Sep and Sylvan.Data.Csv, one thread, on the 45 months of Avon and Somerset:
/// from the .csv.gz files and from the same bytes decompressed in memory. "Tokenize" splits every row into its fields
/// and touches each field; "import path" is what the import does with a file: every row tokenized, then checked and
/// turned into a record by the data.police.uk reader's own code (keys, hashes, shared strings), and its position
/// projected. The libraries read text (UTF-16); the checks, keys and content hashes work on UTF-8, so each of their
/// fields is handed over as UTF-8, as a switch to them would do.
/// </summary>
[MemoryDiagnoser]
public class CsvLibraryBenchmarks
{
    private readonly ForceOptions _force = new();
    private readonly IMetricProjection _projection = WktProjection.BritishNationalGrid();
    private string[] _files = [];
    private byte[][] _decompressed = [];

    public static readonly string[] Tokenizers = ["own", "Sep", "Sylvan"];

    [GlobalSetup]
    public void Setup()
    {
        _files = AvonAndSomerset.Files();
        _decompressed = _files.Select(AvonAndSomerset.Decompress).ToArray();
    }

    [Benchmark(Description = "tokenize, own, .csv.gz")] public long TokenizeOwnGzip() => Tokenize("own", gzip: true);
    [Benchmark(Description = "tokenize, Sep, .csv.gz")] public long TokenizeSepGzip() => Tokenize("Sep", gzip: true);
    [Benchmark(Description = "tokenize, Sylvan, .csv.gz")] public long TokenizeSylvanGzip() => Tokenize("Sylvan", gzip: true);
    [Benchmark(Description = "tokenize, own, decompressed")] public long TokenizeOwnMemory() => Tokenize("own", gzip: false);
    [Benchmark(Description = "tokenize, Sep, decompressed")] public long TokenizeSepMemory() => Tokenize("Sep", gzip: false);
    [Benchmark(Description = "tokenize, Sylvan, decompressed")] public long TokenizeSylvanMemory() => Tokenize("Sylvan", gzip: false);
    [Benchmark(Description = "import path, own, .csv.gz")] public long ImportOwnGzip() => Import("own", gzip: true).Rows;
    [Benchmark(Description = "import path, Sep, .csv.gz")] public long ImportSepGzip() => Import("Sep", gzip: true).Rows;
    [Benchmark(Description = "import path, Sylvan, .csv.gz")] public long ImportSylvanGzip() => Import("Sylvan", gzip: true).Rows;
    [Benchmark(Description = "import path, own, decompressed")] public long ImportOwnMemory() => Import("own", gzip: false).Rows;
    [Benchmark(Description = "import path, Sep, decompressed")] public long ImportSepMemory() => Import("Sep", gzip: false).Rows;
    [Benchmark(Description = "import path, Sylvan, decompressed")] public long ImportSylvanMemory() => Import("Sylvan", gzip: false).Rows;

    private IEnumerable<(string Name, Stream Stream)> Inputs(bool gzip) =>
        _files.Select((file, i) => (Path.GetFileName(file), gzip ? AvonAndSomerset.OpenGzip(file) : new MemoryStream(_decompressed[i], writable: false)));

    /// <summary>Fields of every row, each field's length added up (so that no tokenizer can skip a field).</summary>
    public long Tokenize(string tokenizer, bool gzip)
    {
        long sum = 0;
        foreach (var (_, stream) in Inputs(gzip))
        {
            using var input = stream;
            switch (tokenizer)
            {
                case "own":
                    using (var lines = new LineReader(input))
                    {
                        var row = new CsvRow();
                        while (lines.Next())
                        {
                            row.Parse(lines.Current);
                            for (var i = 0; i < row.Count; i++) sum += row[i].Length + 1;
                        }
                    }
                    break;
                case "Sep":
                    using (var reader = SepReader(input))
                        foreach (var row in reader)
                            for (var i = 0; i < row.ColCount; i++) sum += row[i].Span.Length + 1;
                    break;
                default:
                    using (var reader = SylvanReader(input))
                        while (reader.Read())
                            for (var i = 0; i < reader.RowFieldCount; i++) sum += reader.GetFieldSpan(i).Length + 1;
                    break;
            }
        }
        return sum;
    }

    /// <summary>The import path: rows read, checked and made records, positions projected. Returns rows and a checksum of the records.</summary>
    public (long Rows, long Records, ulong Checksum) Import(string tokenizer, bool gzip)
    {
        var positions = new Positions(_projection, null);
        long rows = 0, records = 0;
        ulong checksum = 0;
        foreach (var (name, stream) in Inputs(gzip))
        {
            using var input = stream;
            var police = new PoliceUkStreetReader(_force, name);
            foreach (var (_, record) in Records(tokenizer, police, input))
            {
                rows++;
                if (record is null) continue;
                positions.Apply(record);
                records++;
                checksum += (ulong)record.ContentHash ^ (ulong)record.SourceKey.GetHashCode();
            }
        }
        return (rows, records, checksum);
    }

    private static IEnumerable<(long Line, CrimeRecord? Record)> Records(string tokenizer, PoliceUkStreetReader police, Stream input)
    {
        if (tokenizer == "own")
        {
            foreach (var row in police.Read(input)) yield return (row.Line, row.Record);
            yield break;
        }
        var fields = new CsvRow();
        if (tokenizer == "Sep")
        {
            using var reader = SepReader(input);
            police.UseHeader(reader.Header.ColNames.ToList());
            foreach (var row in reader)
            {
                fields.Clear();
                for (var i = 0; i < row.ColCount; i++) Utf8(row[i].Span, fields);
                yield return (row.LineNumberFrom, police.ParseFields(row.LineNumberFrom, fields, out _, out _));
            }
        }
        else
        {
            using var reader = SylvanReader(input);
            police.UseHeader(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList());
            while (reader.Read())
            {
                fields.Clear();
                for (var i = 0; i < reader.RowFieldCount; i++) Utf8(reader.GetFieldSpan(i), fields);
                yield return (reader.RowNumber, police.ParseFields(reader.RowNumber, fields, out _, out _));
            }
        }
    }

    /// <summary>The rows each reader makes of a small text, fields joined by commas (line breaks shown as ⏎).</summary>
    public static IEnumerable<string> Rows(string tokenizer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var rows = new List<string>();
        if (tokenizer == "own")
        {
            var reader = new ShowRows("sample.csv");
            foreach (var row in reader.Read(new MemoryStream(bytes)))
                rows.Add(row.Record is { } fields ? $"line {row.Line}: {fields.Text}" : $"line {row.Line}: quarantined, {row.Reason}");
        }
        else if (tokenizer == "Sep")
        {
            using var reader = SepReader(new MemoryStream(bytes));
            foreach (var row in reader)
            {
                var fields = new string[row.ColCount];
                for (var i = 0; i < fields.Length; i++) fields[i] = row[i].ToString();
                rows.Add($"line {row.LineNumberFrom}: " + string.Join(",", fields));
            }
        }
        else
        {
            using var reader = SylvanReader(new MemoryStream(bytes));
            try
            {
                while (reader.Read())
                    rows.Add($"row {reader.RowNumber}: " + string.Join(",", Enumerable.Range(0, reader.RowFieldCount).Select(reader.GetString)));
            }
            catch (Exception e)
            {
                rows.Add($"{e.GetType().Name}: {e.Message}");
            }
        }
        return rows.Select(r => r.Replace("\n", "⏎"));
    }

    /// <summary>The import's CSV reading with no format of its own: every well-formed record's fields.</summary>
    private sealed class ShowRows(string file) : CsvRecordReader<ShowRows.Fields>(file)
    {
        public sealed record Fields(string Text);

        protected override void MapColumns() { }

        protected override Fields? ParseRow(long line, CsvRow row, out string? field, out string? reason)
        {
            field = reason = null;
            return new Fields(string.Join(",", Enumerable.Range(0, row.Count).Select(i => Encoding.UTF8.GetString(row[i]))));
        }
    }

    private static void Utf8(ReadOnlySpan<char> text, CsvRow row) =>
        Encoding.UTF8.GetBytes(text, row.AddField(Encoding.UTF8.GetByteCount(text)));

    private static SepReader SepReader(Stream input) =>
        Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(input);

    private static CsvDataReader SylvanReader(Stream input) =>
        CsvDataReader.Create(new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16),
            new CsvDataReaderOptions { HasHeaders = true });
}

using System.IO.Compression;

namespace HotSpots.Ingestion.Benchmarks;

/// <summary>The 45 monthly files of Avon and Somerset in the shared real-data folder beside the repository.</summary>
internal static class AvonAndSomerset
{
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "uk-police", "avon-and-somerset");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("Cannot find ../shared/data/uk-police/avon-and-somerset above the benchmark.");
    }

    public static string[] Files() => Directory.GetFiles(Folder(), "*.csv.gz").Order(StringComparer.Ordinal).ToArray();

    public static Stream OpenGzip(string file) => new GZipStream(File.OpenRead(file), CompressionMode.Decompress);

    public static byte[] Decompress(string file)
    {
        using var memory = new MemoryStream();
        using (var gzip = OpenGzip(file)) gzip.CopyTo(memory);
        return memory.ToArray();
    }
}

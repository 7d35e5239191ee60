using System.IO.Compression;
using HotSpots.Modules.Ingestion.Contracts;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>Finds the files behind an import path and opens them, decompressing .gz.</summary>
internal static class ImportFiles
{
    private static readonly string[] Patterns = ["*.csv", "*.csv.gz"];

    public static IReadOnlyList<string> Resolve(string path)
    {
        if (File.Exists(path)) return [path];
        if (Directory.Exists(path))
        {
            var files = Patterns.SelectMany(p => Directory.EnumerateFiles(path, p, SearchOption.AllDirectories))
                .Order(StringComparer.Ordinal).ToList();
            return files.Count > 0 ? files : throw new ImportFileException($"{path}: the folder holds no .csv or .csv.gz files.");
        }
        throw new ImportFileException($"{path}: no such file or folder.");
    }

    public static Stream Open(string file)
    {
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>Decides the format of a file from its first line.</summary>
    public static CrimeFileFormat Detect(string file)
    {
        string? header;
        try
        {
            using var reader = new StreamReader(Open(file));
            header = reader.ReadLine();
        }
        catch (InvalidDataException e)
        {
            throw new ImportFileException($"{file}: the compressed file is damaged ({e.Message}).");
        }
        if (string.IsNullOrWhiteSpace(header)) throw new ImportFileException($"{file}: the file is empty.");
        var first = header.TrimStart('\uFEFF').Split(',')[0].Trim().Trim('"');
        if (first.Equals(PoliceUkStreetReader.HeaderSignature, StringComparison.OrdinalIgnoreCase)) return CrimeFileFormat.PoliceUkStreet;
        if (first.Equals(ForceRecordsCsvReader.HeaderSignature, StringComparison.OrdinalIgnoreCase)) return CrimeFileFormat.ForceRecordsCsv;
        if (first.Equals(ImportUnitPositions.UnitFeedReader.HeaderSignature, StringComparison.OrdinalIgnoreCase)) return CrimeFileFormat.PoliceLocationFeed;
        throw new ImportFileException(
            $"{file}: line 1 (header) is not a known format: it starts with '{first}'. Expected a data.police.uk street CSV (Crime ID,…), a force records CSV (reference,…) or a police location feed (unit_id,…).");
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Reading;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>One file to read: a file on disk (plain or .gz), or one entry of a .zip.</summary>
internal sealed record ImportEntry(string Name, string Path, string? ZipEntry, long Bytes)
{
    public bool IsJsonLines =>
        (ZipEntry ?? Path).EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || (ZipEntry ?? Path).EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) ||
        (ZipEntry ?? Path).EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase) || (ZipEntry ?? Path).EndsWith(".ndjson.gz", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Finds the files behind an import path (a file, a folder, a .gz, a .zip as data.police.uk serves it) and opens them.
/// What it says about a file that cannot be read names the file and its size (<see cref="Label"/>), never what the file
/// holds: a file may be anything (docs/security.md, "Imports").
/// </summary>
internal static class ImportFiles
{
    private static readonly string[] Extensions = [".csv", ".csv.gz", ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".zip", ".gz"];

    /// <summary>
    /// The files to read, in name order, and notes about what was left out and why. A single file is named
    /// <paramref name="displayName"/> when given (an upload's own name, not the name it is kept under).
    /// </summary>
    public static IReadOnlyList<ImportEntry> Resolve(string path, List<string> notes, string? displayName = null)
    {
        if (File.Exists(path)) return Expand(path, string.IsNullOrWhiteSpace(displayName) ? Path.GetFileName(path) : displayName, notes);
        if (!Directory.Exists(path)) throw new ImportFileException($"{displayName ?? path}: no such file or folder.");
        var all = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var readable = all.Where(Readable).ToList();
        var skipped = all.Count - readable.Count;
        if (skipped > 0)
            notes.Add($"Left out {skipped} file(s) that are not .csv, .csv.gz, .jsonl or .zip: {FieldChecks.Clip(string.Join(", ", all.Where(f => !Readable(f)).Select(Path.GetFileName)), 200)}.");
        if (readable.Count == 0) throw new ImportFileException($"{path}: the folder holds no .csv, .csv.gz, .jsonl or .zip files.");
        return readable.SelectMany(f => Expand(f, Path.GetRelativePath(path, f), notes)).ToList();
    }

    /// <summary>How a file is named in every message about it: its name and size, e.g. "street.csv (1,024 bytes)".</summary>
    public static string Label(ImportEntry entry) => $"{entry.Name} ({Size(entry.Bytes)})";

    public static string Size(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} byte{(bytes == 1 ? "" : "s")}");

    private static bool Readable(string file) => Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<ImportEntry> Expand(string file, string name, List<string> notes)
    {
        var length = new FileInfo(file).Length;
        if (!file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return [new ImportEntry(name, file, null, length)];
        var label = $"{name} ({Size(length)})";
        try
        {
            using var zip = ZipFile.OpenRead(file);
            var entries = zip.Entries.Where(e => e.Length > 0 || !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
            // data.police.uk zips hold street, outcomes and stop-and-search files per month: only street files are crimes with locations.
            var other = entries.Where(e => e.FullName.EndsWith("-outcomes.csv", StringComparison.OrdinalIgnoreCase) ||
                                           e.FullName.EndsWith("-stop-and-search.csv", StringComparison.OrdinalIgnoreCase)).ToList();
            var unknown = entries.Except(other).Where(e => !Readable(e.FullName) || e.FullName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)).ToList();
            if (other.Count > 0)
                notes.Add($"{name}: left out {other.Count} outcomes and stop-and-search file(s); HotSpots imports the street-level crime files.");
            if (unknown.Count > 0)
                notes.Add($"{name}: left out {unknown.Count} file(s) that are not CSV or JSON Lines: {FieldChecks.Clip(string.Join(", ", unknown.Select(e => e.FullName)), 200)}.");
            var kept = entries.Except(other).Except(unknown).ToList();
            if (kept.Count == 0) throw new ImportFileException($"{label}: the zip holds no street-level crime CSV files.");
            return kept.Select(e => new ImportEntry($"{name}/{e.FullName}", file, e.FullName, e.CompressedLength)).ToList();
        }
        catch (InvalidDataException e)
        {
            throw new ImportFileException($"{label}: the zip file is damaged ({e.Message}).");
        }
    }

    /// <summary>The decompressed content of an entry; <paramref name="counter"/> counts the bytes read from disk.</summary>
    public static Stream Open(ImportEntry entry, ByteCounter counter)
    {
        var file = new FileStream(entry.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (entry.ZipEntry is not null)
        {
            var zip = new ZipArchive(new CountingStream(file, counter), ZipArchiveMode.Read);
            var content = zip.GetEntry(entry.ZipEntry) ?? throw new ImportFileException($"{Label(entry)}: the entry is missing from the zip.");
            var inner = content.Open();
            return new OwningStream(Gz(entry.ZipEntry, inner), zip);
        }
        var counted = new CountingStream(file, counter);
        if (!entry.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return counted;
        try { return new CheckedGzipStream(counted, entry.Path); }
        catch (InvalidDataException e)
        {
            counted.Dispose();
            throw new ImportFileException($"{Label(entry)}: {e.Message}.");
        }
    }

    private static Stream Gz(string name, Stream stream) =>
        name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;

    /// <summary>
    /// Decides the format of a file from its name and first line. Throws with a clear message when it cannot, which names
    /// the file and its size and quotes nothing of what it holds.
    /// </summary>
    public static (CrimeFileFormat Format, MappingProfile? Profile) Detect(ImportEntry entry, IReadOnlyList<MappingProfile> profiles)
    {
        var head = new byte[4096];
        int read;
        try
        {
            using var stream = Open(entry, new ByteCounter());
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new ImportFileException($"{Label(entry)}: the compressed file is damaged ({e.Message}).");
        }
        var bytes = head.AsSpan(0, read);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            throw new ImportFileException($"{Label(entry)}: the file is UTF-16 text; save it as UTF-8 (CSV UTF-8 in Excel) and import it again.");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || bytes.StartsWith("PK\u0003\u0004"u8))
            throw new ImportFileException($"{Label(entry)}: the file is compressed but its name does not say so; name it .gz or .zip.");
        if (bytes.IndexOf((byte)0) >= 0)
            throw new ImportFileException($"{Label(entry)}: the file is not text (it holds NUL bytes: binary data, or UTF-16 without a byte-order mark).");
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var firstLine = text.Split('\n')[0].TrimEnd('\r');
        if (string.IsNullOrWhiteSpace(text)) throw new ImportFileException($"{Label(entry)}: the file is empty (there is no header line).");
        if (entry.IsJsonLines || firstLine.TrimStart().StartsWith('{')) return (CrimeFileFormat.ForceRecordsJsonLines, null);
        var columns = firstLine.Split(',').Select(c => c.Trim().Trim('"').Trim()).ToList();
        var first = columns[0];
        if (first.Equals(PoliceUkStreetReader.HeaderSignature, StringComparison.OrdinalIgnoreCase)) return (CrimeFileFormat.PoliceUkStreet, null);
        if (first.Equals(MappedCsvReader.ForceHeaderSignature, StringComparison.OrdinalIgnoreCase)) return (CrimeFileFormat.ForceRecordsCsv, null);
        if (first.Equals(ImportUnitPositions.UnitFeedReader.HeaderSignature, StringComparison.OrdinalIgnoreCase)) return (CrimeFileFormat.PoliceLocationFeed, null);
        var names = columns.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var profile in profiles)
            if (ProfileFields.Required.All(f => profile.Columns.TryGetValue(f, out var c) && names.Contains(c)) &&
                profile.Columns.Values.All(c => string.IsNullOrWhiteSpace(c) || names.Contains(c)))
                return (CrimeFileFormat.Profile, profile);
        throw new ImportFileException(
            $"{Label(entry)}: line 1 (header) is not a format HotSpots knows. Expected a data.police.uk street CSV (Crime ID,…), " +
            "force records (reference,… or JSON Lines), a police location feed (unit_id,…), or a CSV that a saved mapping profile describes " +
            $"({(profiles.Count == 0 ? "none saved" : string.Join(", ", profiles.Select(p => p.Name)))}).");
    }
}

/// <summary>Bytes read from disk so far, for progress on compressed and plain files alike.</summary>
internal sealed class ByteCounter
{
    public long Bytes;
}

internal sealed class CountingStream(Stream inner, ByteCounter counter) : Stream
{
    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        counter.Bytes += read;
        return read;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        counter.Bytes += read;
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => inner.Position = value; }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>A zip entry's stream that also closes its archive.</summary>
internal sealed class OwningStream(Stream inner, IDisposable owner) : ForwardOnlyStream
{
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            owner.Dispose();
        }
        base.Dispose(disposing);
    }
}

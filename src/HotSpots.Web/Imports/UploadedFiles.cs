using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform.Data;

namespace HotSpots.Web.Imports;

/// <summary>
/// Files sent to be imported (a page upload, an API call): checked for size and type, then kept in the data
/// shared directory's uploads/ folder (the data directory on one server), where the background import reads them on any node.
/// </summary>
public sealed class UploadedFiles(DatabaseSettings database)
{
    /// <summary>The largest request any upload may make; the configured limit (Ingestion:MaxUploadBytes) is checked within it.</summary>
    public const long RequestCeiling = 2L << 30;

    private static readonly string[] Extensions = [".csv", ".csv.gz", ".gz", ".zip", ".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"];

    /// <summary>Saves the content under a fresh name and returns its path; throws <see cref="UploadException"/> with the reason when refused.</summary>
    public async Task<string> SaveAsync(Stream content, string fileName, long maxBytes, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(name) || !Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            throw new UploadException($"'{name}' is not a file HotSpots imports: send .csv, .csv.gz, .zip or .jsonl.");
        var folder = Path.Combine(database.SharedDirectory, "uploads");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}-{Safe(name)}");
        try
        {
            await using (var file = File.Create(path))
            {
                var buffer = new byte[1 << 16];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > maxBytes) throw new UploadException($"'{name}' is larger than the limit of {maxBytes / (1 << 20):N0} MiB.");
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                if (total == 0) throw new UploadException($"'{name}' is empty.");
            }
            CheckContent(path, name);
            return path;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>The content must be what the name says: gzip and zip by their signatures, text without NUL bytes.</summary>
    private static void CheckContent(string path, string name)
    {
        var head = new byte[4096];
        int read;
        using (var file = File.OpenRead(path)) read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, read);
        var gzip = bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]);
        var zip = bytes.StartsWith("PK\u0003\u0004"u8);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) != gzip)
            throw new UploadException(gzip ? $"'{name}' is gzip-compressed: name it .gz." : $"'{name}' is named .gz but is not gzip-compressed.");
        if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) != zip)
            throw new UploadException(zip ? $"'{name}' is a zip file: name it .zip." : $"'{name}' is named .zip but is not a zip file.");
        if (!gzip && !zip && bytes.IndexOf((byte)0) >= 0)
            throw new UploadException($"'{name}' is not text (it holds NUL bytes: binary data, or UTF-16 text); save it as UTF-8 CSV.");
    }

    /// <summary>The name as a safe file name, cut to 100 characters from its end (the extension stays) so that no file system refuses it.</summary>
    private static string Safe(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return safe.Length <= 100 ? safe : safe[^100..];
    }

    /// <summary>The formats an analyst or a client may name, as text.</summary>
    public static bool TryFormat(string? text, out CrimeFileFormat format, out string? profile)
    {
        profile = null;
        format = CrimeFileFormat.Auto;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "auto": return true;
            case "police-uk": format = CrimeFileFormat.PoliceUkStreet; return true;
            case "force-csv": format = CrimeFileFormat.ForceRecordsCsv; return true;
            case "force-jsonl": format = CrimeFileFormat.ForceRecordsJsonLines; return true;
            case "feed": format = CrimeFileFormat.PoliceLocationFeed; return true;
            case var p when p.StartsWith("profile:", StringComparison.Ordinal) && p.Length > 8:
                (format, profile) = (CrimeFileFormat.Profile, text!.Trim()[8..]);
                return true;
            default: return false;
        }
    }

    public const string FormatHelp = "auto, police-uk, force-csv, force-jsonl, feed or profile:NAME";
}

/// <summary>An upload refused, with the reason to show.</summary>
public sealed class UploadException(string message) : Exception(message);

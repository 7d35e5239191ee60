namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>The file formats HotSpots reads (docs/data-formats.md).</summary>
public enum CrimeFileFormat
{
    /// <summary>Decide from the file's name and header (saved mapping profiles included).</summary>
    Auto,

    /// <summary>data.police.uk street-level CSV (month resolution, snapped points), plain, .gz or the zip they serve.</summary>
    PoliceUkStreet,

    /// <summary>The HotSpots force records CSV, with times and linked people.</summary>
    ForceRecordsCsv,

    /// <summary>A police location feed: positions of units (foot, vehicle) over time, for the baseline of presence.</summary>
    PoliceLocationFeed,

    /// <summary>The force records format as JSON Lines: one JSON object per line.</summary>
    ForceRecordsJsonLines,

    /// <summary>Any other CSV, read through a saved mapping profile (<see cref="ImportRequest.Profile"/>).</summary>
    Profile,
}

/// <summary>What to import: a file, a folder or a zip, its format, and who asked.</summary>
/// <param name="Profile">The mapping profile's name when <paramref name="Format"/> is <see cref="CrimeFileFormat.Profile"/>.</param>
/// <param name="DisplayName">The name to show for a single file (an upload's original name); defaults to the file name.</param>
public sealed record ImportRequest(
    string Path,
    CrimeFileFormat Format = CrimeFileFormat.Auto,
    string RequestedBy = "system",
    string? Profile = null,
    string? DisplayName = null);

/// <summary>Progress of a running import.</summary>
/// <param name="BytesDone">Bytes of the input read so far (compressed bytes for .gz and .zip).</param>
/// <param name="BytesTotal">Bytes of the whole input.</param>
public sealed record ImportProgress(string File, long RowsDone, long Errors, double RowsPerSecond, long BytesDone = 0, long BytesTotal = 0)
{
    public double Percent => BytesTotal > 0 ? Math.Min(100, 100.0 * BytesDone / BytesTotal) : 0;
}

/// <summary>The outcome of an import: what happened to every row.</summary>
/// <param name="Unmappable">Rows kept without a usable position (counted in totals, left off maps).</param>
/// <param name="OutOfArea">Rows kept whose position is outside the force boundary, when one is configured.</param>
/// <param name="Problems">The first problems (bad rows and files that could not be read); all bad rows are in quarantine.</param>
/// <param name="Notes">What else the analyst should know: files left out and why, header-only files.</param>
/// <param name="FailedFiles">Files that could not be read at all (their problem has line 0 or 1 and field "(file)").</param>
public sealed record ImportReport(
    long ImportId,
    long Imported,
    long Updated,
    long Unchanged,
    long Quarantined,
    long Unmappable,
    long OutOfArea,
    double Seconds,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<string>? Notes = null,
    int FailedFiles = 0)
{
    public long Rows => Imported + Updated + Unchanged + Quarantined;
}

/// <summary>A row (or a whole file) that was not imported: where it is and why.</summary>
public sealed record ImportProblem(string File, long Line, string Field, string Reason);

/// <summary>A problem with the import path itself (missing, empty folder): nothing can be imported.</summary>
public sealed class ImportFileException(string message) : InvalidOperationException(message);

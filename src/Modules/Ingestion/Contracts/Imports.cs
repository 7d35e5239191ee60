namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>The file formats HotSpots reads.</summary>
public enum CrimeFileFormat
{
    /// <summary>Decide from the file's header.</summary>
    Auto,

    /// <summary>data.police.uk street-level CSV (month resolution, snapped points).</summary>
    PoliceUkStreet,

    /// <summary>The HotSpots force records CSV, with times and linked people (docs/data-formats.md).</summary>
    ForceRecordsCsv,

    /// <summary>A police location feed: positions of units (foot, vehicle) over time, for the baseline of presence.</summary>
    PoliceLocationFeed,
}

/// <summary>What to import: a file or a folder, and who asked.</summary>
public sealed record ImportRequest(string Path, CrimeFileFormat Format = CrimeFileFormat.Auto, string RequestedBy = "system");

/// <summary>Progress of a running import.</summary>
public sealed record ImportProgress(string File, long RowsDone, long Errors, double RowsPerSecond);

/// <summary>The outcome of an import: what happened to every row.</summary>
public sealed record ImportReport(
    long ImportId,
    long Imported,
    long Updated,
    long Unchanged,
    long Quarantined,
    long Unmappable,
    long OutOfArea,
    double Seconds,
    IReadOnlyList<ImportProblem> Problems)
{
    public long Rows => Imported + Updated + Unchanged + Quarantined;
}

/// <summary>A row that was not imported: where it is and why.</summary>
public sealed record ImportProblem(string File, long Line, string Field, string Reason);

/// <summary>A problem with a whole file (missing, empty, wrong header, unreadable): nothing in it can be imported.</summary>
public sealed class ImportFileException(string message) : InvalidOperationException(message);

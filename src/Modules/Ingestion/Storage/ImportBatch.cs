using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Modules.Ingestion.ImportUnitPositions;

namespace HotSpots.Modules.Ingestion.Storage;

/// <summary>Rows written in one transaction, with the import's progress at the end of them.</summary>
internal sealed class ImportBatch
{
    public List<CrimeRecord> Records { get; } = new(CrimeStore.BatchSize);
    public List<UnitPositionRecord> Units { get; } = [];
    public List<QuarantinedRow> Quarantine { get; } = [];
    public required string File { get; init; }
    public long RowsDone { get; set; }
    public long BytesDone { get; set; }
    public long Errors { get; set; }

    /// <summary>False for rows outside a running import (re-submitted from quarantine): the import's progress stays.</summary>
    public bool TrackProgress { get; init; } = true;

    public bool IsFull => Records.Count + Units.Count + Quarantine.Count >= CrimeStore.BatchSize;
}

/// <summary>What a batch did to the rows it held.</summary>
internal sealed class BatchOutcome
{
    public long Imported { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    public long Unmappable { get; set; }
    public long OutOfArea { get; set; }

    public BatchOutcome Plus(BatchOutcome other)
    {
        var sum = new BatchOutcome();
        sum.Add(this);
        sum.Add(other);
        return sum;
    }

    public void Add(BatchOutcome other)
    {
        Imported += other.Imported;
        Updated += other.Updated;
        Unchanged += other.Unchanged;
        Unmappable += other.Unmappable;
        OutOfArea += other.OutOfArea;
    }
}

/// <summary>
/// What a run of an import has counted so far, written to its history row with every batch, so that the history shows the
/// rows already imported while it runs and after its process dies. A run that resumes an import reads the file again from
/// the start: batches up to the rows the dead run had committed are written again (nothing changes, keys being stable) but
/// not counted again, since the dead run counted them (batches are cut at the same rows every time the same files are read).
/// </summary>
internal sealed class ImportTally(long resumedRows = 0, long resumedBytes = 0, long resumedErrors = 0, BatchOutcome? counted = null)
{
    public long ResumedRows => resumedRows;

    /// <summary>The rows counted so far (by this run and, when it resumes one, the run before).</summary>
    public BatchOutcome Counted { get; } = counted ?? new BatchOutcome();

    /// <summary>Whether the batch holds rows no earlier run committed.</summary>
    public bool Counts(ImportBatch batch) => batch.RowsDone > resumedRows;

    /// <summary>The counts to record with the batch, before it commits.</summary>
    public BatchOutcome With(ImportBatch batch, BatchOutcome outcome) => Counts(batch) ? Counted.Plus(outcome) : Counted;

    public long Rows(ImportBatch batch) => Math.Max(batch.RowsDone, resumedRows);

    public long Bytes(ImportBatch batch) => Math.Max(batch.BytesDone, resumedBytes);

    public long Errors(ImportBatch batch) => Math.Max(batch.Errors, resumedErrors);

    /// <summary>Adds a committed batch's outcome, unless an earlier run counted its rows.</summary>
    public void Commit(ImportBatch batch, BatchOutcome outcome)
    {
        if (Counts(batch)) Counted.Add(outcome);
    }
}

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

    public void Add(BatchOutcome other)
    {
        Imported += other.Imported;
        Updated += other.Updated;
        Unchanged += other.Unchanged;
        Unmappable += other.Unmappable;
        OutOfArea += other.OutOfArea;
    }
}

namespace HotSpots.Modules.Ingestion.Data;

/// <summary>
/// The one row that counts writes to the crimes: every batch that inserts or updates crimes adds one, in its own
/// transaction. A copy of the crimes held in memory is current while this number is the one it was read at.
/// </summary>
internal sealed class CrimeRevision
{
    public const int Row = 1;

    public int Id { get; set; }
    public long Number { get; set; }
}

using System.Data.Common;
using System.Runtime.InteropServices;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Platform.Revisions;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Ingestion.Storage;

/// <summary>
/// Writes batches of crimes with plain ADO.NET (EF change tracking is far too slow for hundreds of thousands of
/// rows): each batch in one transaction, keys looked up in bulk, new keys inserted, changed content updated, the
/// rest left alone; quarantined rows and the import's progress in the same transaction. A batch is committed whole
/// or not at all, so an import killed halfway and run again ends with the same rows as an uninterrupted one.
/// </summary>
internal abstract class CrimeStore(IngestionDbContext db) : IAsyncDisposable
{
    public const int BatchSize = 10_000;

    protected const string CrimeColumns =
        "\"Source\", \"SourceKey\", \"ContentHash\", \"Reference\", \"Category\", \"OffenceCode\", \"OccurredFromUtc\", \"OccurredToUtc\", " +
        "\"HasTimeOfDay\", \"Latitude\", \"Longitude\", \"X\", \"Y\", \"Location\", \"AreaCode\", \"Outcome\", \"Unmappable\", \"OutOfArea\", \"ImportId\"";

    protected const string QuarantineColumns =
        "\"ImportId\", \"File\", \"Line\", \"Field\", \"Reason\", \"RawText\", \"RawHash\", \"Format\", \"Profile\", \"Header\", \"Status\", \"CreatedUtc\"";

    private bool _opened;

    // Reused from batch to batch: at 10,000 rows these would be large objects, and allocating them for every batch
    // would set off a full garbage collection every few batches.
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly List<CrimeRecord> _inserts = [];
    private readonly List<(long Id, CrimeRecord Record)> _updates = [];
    private readonly List<string> _keys = [];

    protected DbConnection Connection => db.Database.GetDbConnection();

    public static CrimeStore For(IngestionDbContext db) =>
        db.Database.IsNpgsql() ? new PostgresCrimeStore(db) : new SqliteCrimeStore(db);

    /// <summary>
    /// Writes a batch in one transaction and, when it tracks the import's progress, the rows, bytes and counts of the
    /// <paramref name="tally"/> with it (the outcome of this batch included).
    /// </summary>
    public async Task<BatchOutcome> WriteAsync(ImportBatch batch, long importId, DateTime nowUtc, ImportTally? tally, CancellationToken cancellationToken)
    {
        if (!_opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            _opened = true;
            if (ConnectionSettings is { } settings)
            {
                await using var pragma = Connection.CreateCommand();
                pragma.CommandText = settings;
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
            Opened();
        }
        await using var transaction = await Connection.BeginTransactionAsync(cancellationToken);
        var outcome = new BatchOutcome();
        _inserts.Clear();
        _updates.Clear();
        foreach (var source in Sources(batch.Records))
        {
            _pending.Clear();
            _keys.Clear();
            foreach (var record in batch.Records)
                if (record.Source == source && _pending.TryAdd(record.SourceKey, Pending.NotSeen)) _keys.Add(record.SourceKey);
            var existing = await LookupAsync(transaction, source, _keys, cancellationToken);
            foreach (var record in batch.Records)
                if (record.Source == source) Classify(record, existing, outcome);
        }
        if (_inserts.Count > 0) await InsertAsync(transaction, _inserts, importId, cancellationToken);
        if (_updates.Count > 0) await UpdateAsync(transaction, _updates, importId, cancellationToken);
        // One more write to the crimes, committed with them: a copy held in memory is current while it has this number.
        if (_inserts.Count + _updates.Count > 0) await Revision.RaiseAsync(Connection, transaction, IngestionRevisions.Crimes, cancellationToken);
        if (batch.Quarantine.Count > 0) await QuarantineAsync(transaction, batch.Quarantine, cancellationToken);
        if (batch.TrackProgress) await ProgressAsync(transaction, importId, batch, tally ?? new ImportTally(), outcome, nowUtc, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Committed();
        return outcome;
    }

    /// <summary>
    /// Sorts a record into new, changed or unchanged. Within a batch a key can come twice (a reference repeated in a
    /// file): the last content wins.
    /// </summary>
    private void Classify(CrimeRecord record, Dictionary<string, (long Id, long Hash)> existing, BatchOutcome outcome)
    {
        if (record.Unmappable) outcome.Unmappable++;
        if (record.OutOfArea) outcome.OutOfArea++;
        // Every key of the batch is in the dictionary already, so the reference stays valid while it is used here.
        ref var seen = ref CollectionsMarshal.GetValueRefOrNullRef(_pending, record.SourceKey);
        if (seen.Seen)
        {
            if (seen.Hash == record.ContentHash) { outcome.Unchanged++; return; }
            outcome.Updated++;
            if (seen.Insert >= 0) _inserts[seen.Insert] = record;
            else if (seen.Update >= 0) _updates[seen.Update] = (seen.Id, record);
            else
            {
                _updates.Add((seen.Id, record));
                seen.Update = _updates.Count - 1;
            }
            seen.Hash = record.ContentHash;
        }
        else if (existing.Count > 0 && existing.TryGetValue(record.SourceKey, out var held))
        {
            var update = -1;
            if (held.Hash == record.ContentHash) outcome.Unchanged++;
            else
            {
                outcome.Updated++;
                _updates.Add((held.Id, record));
                update = _updates.Count - 1;
            }
            seen = new Pending(true, held.Id, record.ContentHash, -1, update);
        }
        else
        {
            outcome.Imported++;
            _inserts.Add(record);
            seen = new Pending(true, 0, record.ContentHash, _inserts.Count - 1, -1);
        }
    }

    /// <summary>
    /// What the batch did so far with a key: nothing yet, or its row (the id of a held one), the content it last had,
    /// and its place among the batch's inserts or updates (-1 for none).
    /// </summary>
    private record struct Pending(bool Seen, long Id, long Hash, int Insert, int Update)
    {
        public static readonly Pending NotSeen = new(false, 0, 0, -1, -1);
    }

    /// <summary>The sources of a batch's records, in the order they first come (nearly always one).</summary>
    private static List<string> Sources(List<CrimeRecord> records)
    {
        var sources = new List<string>(1);
        foreach (var record in records)
            if (!sources.Contains(record.Source)) sources.Add(record.Source);
        return sources;
    }

    /// <summary>Whether the batch holds this key of the source being looked up.</summary>
    protected bool Wanted(ReadOnlySpan<char> key) => _pending.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(key);

    protected virtual void Opened() { }

    protected virtual void Committed() { }

    /// <summary>Runs before the connection is reset and closed.</summary>
    protected virtual ValueTask ClosingAsync() => ValueTask.CompletedTask;

    /// <summary>Statements run once on the connection before the first batch, and undone when the store is disposed.</summary>
    protected virtual string? ConnectionSettings => null;

    protected virtual string? ConnectionReset => null;

    /// <summary>The id and content hash of each key already held for the source; the answer may be reused by the next look-up.</summary>
    protected abstract Task<Dictionary<string, (long Id, long Hash)>> LookupAsync(
        DbTransaction transaction, string source, IReadOnlyList<string> keys, CancellationToken cancellationToken);

    protected abstract Task InsertAsync(DbTransaction transaction, IReadOnlyList<CrimeRecord> records, long importId, CancellationToken cancellationToken);

    protected abstract Task UpdateAsync(DbTransaction transaction, IReadOnlyList<(long Id, CrimeRecord Record)> updates, long importId, CancellationToken cancellationToken);

    /// <summary>Adds bad rows; a row already held (same file, line and text) is not added again.</summary>
    protected abstract Task QuarantineAsync(DbTransaction transaction, IReadOnlyList<QuarantinedRow> rows, CancellationToken cancellationToken);


    private async Task ProgressAsync(
        DbTransaction transaction, long importId, ImportBatch batch, ImportTally tally, BatchOutcome outcome, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var counts = tally.With(batch, outcome);
        await using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE ingestion_imports SET \"RowsDone\" = @rows, \"BytesDone\" = @bytes, \"Quarantined\" = @errors, " +
                              "\"Imported\" = @imported, \"Updated\" = @updated, \"Unchanged\" = @unchanged, \"Unmappable\" = @unmappable, " +
                              "\"OutOfArea\" = @outOfArea, \"HeartbeatUtc\" = @now, \"CurrentFile\" = @file WHERE \"Id\" = @id";
        Add(command, "rows", tally.Rows(batch));
        Add(command, "bytes", tally.Bytes(batch));
        Add(command, "errors", tally.Errors(batch));
        Add(command, "imported", counts.Imported);
        Add(command, "updated", counts.Updated);
        Add(command, "unchanged", counts.Unchanged);
        Add(command, "unmappable", counts.Unmappable);
        Add(command, "outOfArea", counts.OutOfArea);
        Add(command, "now", nowUtc);
        Add(command, "file", batch.File);
        Add(command, "id", importId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        // With the prefix, Microsoft.Data.Sqlite binds by name directly instead of trying @, $ and : on every execution.
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public async ValueTask DisposeAsync()
    {
        await ClosingAsync();
        if (_opened && ConnectionReset is { } reset && Connection.State == System.Data.ConnectionState.Open)
        {
            await using var pragma = Connection.CreateCommand();
            pragma.CommandText = reset;
            await pragma.ExecuteNonQueryAsync();
        }
        if (_opened) await db.Database.CloseConnectionAsync();
        GC.SuppressFinalize(this);
    }
}

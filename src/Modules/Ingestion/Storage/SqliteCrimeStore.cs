using System.Data.Common;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Platform.Data;
using Microsoft.Data.Sqlite;

namespace HotSpots.Modules.Ingestion.Storage;

/// <summary>
/// SQLite: statements prepared once per batch and run per row through the native handle (SQLite runs in this
/// process, so a statement per row is cheap, and its calls are synchronous).
/// </summary>
internal sealed class SqliteCrimeStore(IngestionDbContext db) : CrimeStore(db)
{
    private const string Values = "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";

    private WalCheckpointer? _checkpointer;

    // Reused by each look-up (see CrimeStore): the answer holds until the next one.
    private readonly Dictionary<string, (long, long)> _found = new(StringComparer.Ordinal);

    // A larger page cache for the import's connection, so that key look-ups and index inserts stay in memory. The
    // write-ahead log is copied into the database file by a checkpointer beside the import (see WalCheckpointer); the
    // import's connection checkpoints only if the log ever reaches 16,384 pages (256 MB with the 16 KB pages of a
    // database made by this version, 64 MB with the 4 KB pages of an older one).
    protected override string? ConnectionSettings => "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384;";

    protected override string? ConnectionReset => "PRAGMA cache_size = -2000;";

    private SqliteConnection Sqlite => (SqliteConnection)Connection;

    protected override void Opened() => _checkpointer = new WalCheckpointer(Sqlite.ConnectionString);

    protected override void Committed() => _checkpointer?.Committed();

    /// <summary>The checkpointer finishes, and the connection gets back the log setting every connection has.</summary>
    protected override async ValueTask ClosingAsync()
    {
        if (_checkpointer is null) return;
        await _checkpointer.DisposeAsync();
        if (Sqlite.State == System.Data.ConnectionState.Open) SqliteConnectionSettings.Apply(Sqlite);
    }

    /// <summary>
    /// Keys of a batch usually sit close together (data.police.uk keys start with the month, force references run in
    /// order), so one range scan over the batch's smallest to largest key finds every held key at once, and finds none
    /// in no time for new data. The scan reads the key index alone (it holds the id); the content hash is read only for
    /// the keys that are wanted. When the range holds too many other keys, each key is looked up on its own.
    /// </summary>
    protected override Task<Dictionary<string, (long Id, long Hash)>> LookupAsync(
        DbTransaction transaction, string source, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        _found.Clear();
        string min = keys[0], max = keys[0];
        foreach (var key in keys)
        {
            if (string.CompareOrdinal(key, min) < 0) min = key;
            if (string.CompareOrdinal(key, max) > 0) max = key;
        }
        var limit = 4 * keys.Count + 100;
        var scanned = 0;
        using (var range = new SqliteStatement(Sqlite,
                   "SELECT \"SourceKey\", \"Id\" FROM ingestion_crimes WHERE \"Source\" = ?1 AND \"SourceKey\" >= ?2 AND \"SourceKey\" <= ?3 " +
                   "ORDER BY \"SourceKey\" LIMIT ?4"))
        using (var hash = new SqliteStatement(Sqlite, "SELECT \"ContentHash\" FROM ingestion_crimes WHERE \"Id\" = ?1"))
        {
            range.Text(1, source).Text(2, min).Text(3, max).Integer(4, limit);
            while (range.Step())
            {
                scanned++;
                var key = range.Chars(0);
                if (!Wanted(key)) continue;
                var id = range.Column(1);
                if (hash.Integer(1, id).Step()) _found[key.ToString()] = (id, hash.Column(0));
                hash.Reset();
            }
        }
        if (scanned < limit) return Task.FromResult(_found);

        _found.Clear();
        using var lookup = new SqliteStatement(Sqlite, "SELECT \"Id\", \"ContentHash\" FROM ingestion_crimes WHERE \"Source\" = ?1 AND \"SourceKey\" = ?2");
        lookup.Text(1, source);
        foreach (var key in keys)
        {
            if (lookup.Text(2, key).Step()) _found[key] = (lookup.Column(0), lookup.Column(1));
            lookup.Reset();
        }
        return Task.FromResult(_found);
    }

    protected override Task InsertAsync(DbTransaction transaction, IReadOnlyList<CrimeRecord> records, long importId, CancellationToken cancellationToken)
    {
        using var insert = new SqliteStatement(Sqlite, $"INSERT INTO ingestion_crimes ({CrimeColumns}) VALUES {Values}");
        using var people = new SqliteStatement(Sqlite, "INSERT INTO ingestion_person_links (\"CrimeId\", \"PersonId\", \"Role\") VALUES (?1, ?2, ?3)");
        foreach (var record in records)
        {
            Bind(insert, record, importId).Execute();
            if (record.People.Count > 0) AddPeople(people, insert.LastInsertedId, record);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    protected override Task UpdateAsync(DbTransaction transaction, IReadOnlyList<(long Id, CrimeRecord Record)> updates, long importId, CancellationToken cancellationToken)
    {
        using var update = new SqliteStatement(Sqlite,
            "UPDATE ingestion_crimes SET \"ContentHash\" = ?3, \"Reference\" = ?4, \"Category\" = ?5, \"OffenceCode\" = ?6, \"OccurredFromUtc\" = ?7, " +
            "\"OccurredToUtc\" = ?8, \"HasTimeOfDay\" = ?9, \"Latitude\" = ?10, \"Longitude\" = ?11, \"X\" = ?12, \"Y\" = ?13, \"Location\" = ?14, " +
            "\"AreaCode\" = ?15, \"Outcome\" = ?16, \"Unmappable\" = ?17, \"OutOfArea\" = ?18, \"ImportId\" = ?19 " +
            "WHERE \"Id\" = ?20 AND \"Source\" = ?1 AND \"SourceKey\" = ?2");
        using var clear = new SqliteStatement(Sqlite, "DELETE FROM ingestion_person_links WHERE \"CrimeId\" = ?1");
        using var people = new SqliteStatement(Sqlite, "INSERT INTO ingestion_person_links (\"CrimeId\", \"PersonId\", \"Role\") VALUES (?1, ?2, ?3)");
        foreach (var (id, record) in updates)
        {
            Bind(update, record, importId).Integer(20, id).Execute();
            clear.Integer(1, id).Execute();
            AddPeople(people, id, record);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    protected override Task QuarantineAsync(DbTransaction transaction, IReadOnlyList<QuarantinedRow> rows, CancellationToken cancellationToken)
    {
        using var insert = new SqliteStatement(Sqlite,
            $"INSERT INTO ingestion_quarantine ({QuarantineColumns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) " +
            "ON CONFLICT (\"File\", \"Line\", \"RawHash\") DO NOTHING");
        foreach (var row in rows)
            insert.Integer(1, row.ImportId).Text(2, row.File).Integer(3, row.Line).Text(4, row.Field).Text(5, row.Reason).Text(6, row.RawText)
                .Integer(7, row.RawHash).Text(8, row.Format).Text(9, row.Profile).Text(10, row.Header).Text(11, row.Status).Time(12, row.CreatedUtc)
                .Execute();
        return Task.CompletedTask;
    }

    private static SqliteStatement Bind(SqliteStatement s, CrimeRecord r, long importId) => s
        .Text(1, r.Source).Text(2, r.SourceKey).Integer(3, r.ContentHash).Text(4, r.Reference).Text(5, r.Category).Text(6, r.OffenceCode)
        .Time(7, r.OccurredFromUtc).Time(8, r.OccurredToUtc).Integer(9, r.HasTimeOfDay ? 1 : 0).Real(10, r.Latitude).Real(11, r.Longitude)
        .Real(12, r.X).Real(13, r.Y).Text(14, r.Location).Text(15, r.AreaCode).Text(16, r.Outcome).Integer(17, r.Unmappable ? 1 : 0)
        .Integer(18, r.OutOfArea ? 1 : 0).Integer(19, importId);

    private static void AddPeople(SqliteStatement people, long crimeId, CrimeRecord record)
    {
        foreach (var (person, role) in record.People)
            people.Integer(1, crimeId).Text(2, person).Text(3, role).Execute();
    }
}

using System.Data.Common;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportCrimes;

namespace HotSpots.Modules.Ingestion.Storage;

/// <summary>SQLite: prepared commands reused for every row of a batch (SQLite runs in process, so a statement per row is cheap).</summary>
internal sealed class SqliteCrimeStore(IngestionDbContext db) : CrimeStore(db)
{
    protected override async Task<Dictionary<string, (long Id, long Hash)>> LookupAsync(
        DbTransaction transaction, string source, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        await using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"Id\", \"ContentHash\" FROM ingestion_crimes WHERE \"Source\" = @source AND \"SourceKey\" = @key";
        Add(command, "source", source);
        var key = Add(command, "key", "");
        await command.PrepareAsync(cancellationToken);
        foreach (var k in keys)
        {
            key.Value = k;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken)) found[k] = (reader.GetInt64(0), reader.GetInt64(1));
        }
        return found;
    }

    protected override async Task InsertAsync(DbTransaction transaction, IReadOnlyList<CrimeRecord> records, long importId, CancellationToken cancellationToken)
    {
        await using var insert = CrimeCommand(transaction,
            $"INSERT INTO ingestion_crimes ({CrimeColumns}) VALUES (@Source, @SourceKey, @ContentHash, @Reference, @Category, @OffenceCode, " +
            "@OccurredFromUtc, @OccurredToUtc, @HasTimeOfDay, @Latitude, @Longitude, @X, @Y, @Location, @AreaCode, @Outcome, @Unmappable, @OutOfArea, @ImportId) " +
            "RETURNING \"Id\"", importId, out var parameters);
        await using var people = PeopleCommand(transaction, out var crimeId, out var personId, out var role);
        foreach (var record in records)
        {
            Bind(parameters, record);
            if (record.People.Count == 0)
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
                continue;
            }
            crimeId.Value = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
            foreach (var (person, personRole) in record.People)
            {
                (personId.Value, role.Value) = (person, personRole);
                await people.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    protected override async Task UpdateAsync(DbTransaction transaction, IReadOnlyList<(long Id, CrimeRecord Record)> updates, long importId, CancellationToken cancellationToken)
    {
        await using var update = CrimeCommand(transaction,
            "UPDATE ingestion_crimes SET \"ContentHash\" = @ContentHash, \"Reference\" = @Reference, \"Category\" = @Category, \"OffenceCode\" = @OffenceCode, " +
            "\"OccurredFromUtc\" = @OccurredFromUtc, \"OccurredToUtc\" = @OccurredToUtc, \"HasTimeOfDay\" = @HasTimeOfDay, \"Latitude\" = @Latitude, " +
            "\"Longitude\" = @Longitude, \"X\" = @X, \"Y\" = @Y, \"Location\" = @Location, \"AreaCode\" = @AreaCode, \"Outcome\" = @Outcome, " +
            "\"Unmappable\" = @Unmappable, \"OutOfArea\" = @OutOfArea, \"ImportId\" = @ImportId WHERE \"Id\" = @Id AND \"Source\" = @Source AND \"SourceKey\" = @SourceKey",
            importId, out var parameters);
        var id = Add(update, "Id", 0L);
        await using var clear = Connection.CreateCommand();
        clear.Transaction = transaction;
        clear.CommandText = "DELETE FROM ingestion_person_links WHERE \"CrimeId\" = @id";
        var clearId = Add(clear, "id", 0L);
        await using var people = PeopleCommand(transaction, out var crimeId, out var personId, out var role);
        foreach (var (crime, record) in updates)
        {
            Bind(parameters, record);
            id.Value = crime;
            await update.ExecuteNonQueryAsync(cancellationToken);
            clearId.Value = crime;
            await clear.ExecuteNonQueryAsync(cancellationToken);
            crimeId.Value = crime;
            foreach (var (person, personRole) in record.People)
            {
                (personId.Value, role.Value) = (person, personRole);
                await people.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    protected override async Task QuarantineAsync(DbTransaction transaction, IReadOnlyList<QuarantinedRow> rows, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO ingestion_quarantine ({QuarantineColumns}) VALUES (@ImportId, @File, @Line, @Field, @Reason, @RawText, " +
                              "@RawHash, @Format, @Profile, @Header, @Status, @CreatedUtc) ON CONFLICT (\"File\", \"Line\", \"RawHash\") DO NOTHING";
        var p = new[] { "ImportId", "File", "Line", "Field", "Reason", "RawText", "RawHash", "Format", "Profile", "Header", "Status", "CreatedUtc" }
            .Select(n => Add(command, n, null)).ToArray();
        foreach (var row in rows)
        {
            (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value, p[5].Value) = (row.ImportId, row.File, row.Line, row.Field, row.Reason, row.RawText);
            (p[6].Value, p[7].Value, p[8].Value, p[9].Value, p[10].Value, p[11].Value) =
                (row.RawHash, row.Format, (object?)row.Profile ?? DBNull.Value, (object?)row.Header ?? DBNull.Value, row.Status, row.CreatedUtc);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private DbCommand CrimeCommand(DbTransaction transaction, string sql, long importId, out DbParameter[] parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        parameters = new[]
        {
            "Source", "SourceKey", "ContentHash", "Reference", "Category", "OffenceCode", "OccurredFromUtc", "OccurredToUtc", "HasTimeOfDay",
            "Latitude", "Longitude", "X", "Y", "Location", "AreaCode", "Outcome", "Unmappable", "OutOfArea",
        }.Select(n => Add(command, n, null)).ToArray();
        Add(command, "ImportId", importId);
        command.Prepare();
        return command;
    }

    private static void Bind(DbParameter[] p, CrimeRecord r)
    {
        p[0].Value = r.Source;
        p[1].Value = r.SourceKey;
        p[2].Value = r.ContentHash;
        p[3].Value = (object?)r.Reference ?? DBNull.Value;
        p[4].Value = r.Category;
        p[5].Value = (object?)r.OffenceCode ?? DBNull.Value;
        p[6].Value = r.OccurredFromUtc;
        p[7].Value = (object?)r.OccurredToUtc ?? DBNull.Value;
        p[8].Value = r.HasTimeOfDay;
        p[9].Value = (object?)r.Latitude ?? DBNull.Value;
        p[10].Value = (object?)r.Longitude ?? DBNull.Value;
        p[11].Value = (object?)r.X ?? DBNull.Value;
        p[12].Value = (object?)r.Y ?? DBNull.Value;
        p[13].Value = (object?)r.Location ?? DBNull.Value;
        p[14].Value = (object?)r.AreaCode ?? DBNull.Value;
        p[15].Value = (object?)r.Outcome ?? DBNull.Value;
        p[16].Value = r.Unmappable;
        p[17].Value = r.OutOfArea;
    }

    private DbCommand PeopleCommand(DbTransaction transaction, out DbParameter crimeId, out DbParameter personId, out DbParameter role)
    {
        var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO ingestion_person_links (\"CrimeId\", \"PersonId\", \"Role\") VALUES (@crime, @person, @role)";
        crimeId = Add(command, "crime", 0L);
        personId = Add(command, "person", "");
        role = Add(command, "role", "");
        return command;
    }
}

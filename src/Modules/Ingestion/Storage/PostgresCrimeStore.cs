using System.Data.Common;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportCrimes;
using Npgsql;
using NpgsqlTypes;

namespace HotSpots.Modules.Ingestion.Storage;

/// <summary>PostgreSQL: keys looked up with one array query per batch, new rows written with binary COPY.</summary>
internal sealed class PostgresCrimeStore(IngestionDbContext db) : CrimeStore(db)
{
    private NpgsqlConnection Npgsql => (NpgsqlConnection)Connection;

    protected override async Task<Dictionary<string, (long Id, long Hash)>> LookupAsync(
        DbTransaction transaction, string source, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            "SELECT \"SourceKey\", \"Id\", \"ContentHash\" FROM ingestion_crimes WHERE \"Source\" = @source AND \"SourceKey\" = ANY(@keys)",
            Npgsql, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("keys", keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        return found;
    }

    protected override async Task InsertAsync(DbTransaction transaction, IReadOnlyList<CrimeRecord> records, long importId, CancellationToken cancellationToken)
    {
        await using (var copy = await Npgsql.BeginBinaryImportAsync($"COPY ingestion_crimes ({CrimeColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var record in records)
            {
                await copy.StartRowAsync(cancellationToken);
                await WriteCrimeAsync(copy, record, cancellationToken);
                await copy.WriteAsync(importId, NpgsqlDbType.Bigint, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        var withPeople = records.Where(r => r.People.Count > 0).ToList();
        if (withPeople.Count == 0) return;
        var ids = new Dictionary<(string, string), long>();
        foreach (var group in withPeople.GroupBy(r => r.Source))
            foreach (var (key, held) in await LookupAsync(transaction, group.Key, group.Select(r => r.SourceKey).ToList(), cancellationToken))
                ids[(group.Key, key)] = held.Id;
        await CopyPeopleAsync(withPeople.Select(r => (ids[(r.Source, r.SourceKey)], r)), cancellationToken);
    }

    protected override async Task UpdateAsync(DbTransaction transaction, IReadOnlyList<(long Id, CrimeRecord Record)> updates, long importId, CancellationToken cancellationToken)
    {
        // Changed rows go to a temporary table by COPY and are applied with one UPDATE … FROM.
        await Execute(transaction, "CREATE TEMP TABLE changed_crimes (\"Id\" bigint, " +
            "\"Source\" text, \"SourceKey\" text, \"ContentHash\" bigint, \"Reference\" text, \"Category\" text, \"OffenceCode\" text, \"OccurredFromUtc\" timestamptz, " +
            "\"OccurredToUtc\" timestamptz, \"HasTimeOfDay\" boolean, \"Latitude\" double precision, \"Longitude\" double precision, \"X\" double precision, " +
            "\"Y\" double precision, \"Location\" text, \"AreaCode\" text, \"Outcome\" text, \"Unmappable\" boolean, \"OutOfArea\" boolean) ON COMMIT DROP", cancellationToken);
        await using (var copy = await Npgsql.BeginBinaryImportAsync(
                         "COPY changed_crimes (\"Id\", \"Source\", \"SourceKey\", \"ContentHash\", \"Reference\", \"Category\", \"OffenceCode\", \"OccurredFromUtc\", \"OccurredToUtc\", " +
                         "\"HasTimeOfDay\", \"Latitude\", \"Longitude\", \"X\", \"Y\", \"Location\", \"AreaCode\", \"Outcome\", \"Unmappable\", \"OutOfArea\") FROM STDIN (FORMAT BINARY)",
                         cancellationToken))
        {
            foreach (var (id, record) in updates)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken);
                await WriteCrimeAsync(copy, record, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await Execute(transaction,
            "UPDATE ingestion_crimes c SET \"ContentHash\" = u.\"ContentHash\", \"Reference\" = u.\"Reference\", \"Category\" = u.\"Category\", " +
            "\"OffenceCode\" = u.\"OffenceCode\", \"OccurredFromUtc\" = u.\"OccurredFromUtc\", \"OccurredToUtc\" = u.\"OccurredToUtc\", \"HasTimeOfDay\" = u.\"HasTimeOfDay\", " +
            "\"Latitude\" = u.\"Latitude\", \"Longitude\" = u.\"Longitude\", \"X\" = u.\"X\", \"Y\" = u.\"Y\", \"Location\" = u.\"Location\", \"AreaCode\" = u.\"AreaCode\", " +
            $"\"Outcome\" = u.\"Outcome\", \"Unmappable\" = u.\"Unmappable\", \"OutOfArea\" = u.\"OutOfArea\", \"ImportId\" = {importId} " +
            "FROM changed_crimes u WHERE c.\"Id\" = u.\"Id\"", cancellationToken);
        await Execute(transaction, "DELETE FROM ingestion_person_links l USING changed_crimes u WHERE l.\"CrimeId\" = u.\"Id\"", cancellationToken);
        await CopyPeopleAsync(updates.Where(u => u.Record.People.Count > 0), cancellationToken);
    }

    protected override async Task QuarantineAsync(DbTransaction transaction, IReadOnlyList<QuarantinedRow> rows, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO ingestion_quarantine ({QuarantineColumns}) SELECT * FROM UNNEST(@import, @file, @line, @field, @reason, @raw, @hash, @format, @profile, @header, @status, @created) " +
            "ON CONFLICT (\"File\", \"Line\", \"RawHash\") DO NOTHING", Npgsql, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("import", rows.Select(r => r.ImportId).ToArray());
        command.Parameters.AddWithValue("file", rows.Select(r => r.File).ToArray());
        command.Parameters.AddWithValue("line", rows.Select(r => r.Line).ToArray());
        command.Parameters.AddWithValue("field", rows.Select(r => r.Field).ToArray());
        command.Parameters.AddWithValue("reason", rows.Select(r => r.Reason).ToArray());
        command.Parameters.AddWithValue("raw", rows.Select(r => r.RawText).ToArray());
        command.Parameters.AddWithValue("hash", rows.Select(r => r.RawHash).ToArray());
        command.Parameters.AddWithValue("format", rows.Select(r => r.Format).ToArray());
        command.Parameters.Add(new NpgsqlParameter("profile", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Profile).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("header", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Header).ToArray() });
        command.Parameters.AddWithValue("status", rows.Select(r => r.Status).ToArray());
        command.Parameters.Add(new NpgsqlParameter("created", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.CreatedUtc).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CopyPeopleAsync(IEnumerable<(long CrimeId, CrimeRecord Record)> crimes, CancellationToken cancellationToken)
    {
        await using var copy = await Npgsql.BeginBinaryImportAsync(
            "COPY ingestion_person_links (\"CrimeId\", \"PersonId\", \"Role\") FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (crimeId, record) in crimes)
            foreach (var (person, role) in record.People)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(crimeId, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(person, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(role, NpgsqlDbType.Varchar, cancellationToken);
            }
        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteCrimeAsync(NpgsqlBinaryImporter copy, CrimeRecord r, CancellationToken cancellationToken)
    {
        await copy.WriteAsync(r.Source, NpgsqlDbType.Varchar, cancellationToken);
        await copy.WriteAsync(r.SourceKey, NpgsqlDbType.Varchar, cancellationToken);
        await copy.WriteAsync(r.ContentHash, NpgsqlDbType.Bigint, cancellationToken);
        await Text(copy, r.Reference, cancellationToken);
        await copy.WriteAsync(r.Category, NpgsqlDbType.Varchar, cancellationToken);
        await Text(copy, r.OffenceCode, cancellationToken);
        await copy.WriteAsync(r.OccurredFromUtc, NpgsqlDbType.TimestampTz, cancellationToken);
        if (r.OccurredToUtc is { } to) await copy.WriteAsync(to, NpgsqlDbType.TimestampTz, cancellationToken);
        else await copy.WriteNullAsync(cancellationToken);
        await copy.WriteAsync(r.HasTimeOfDay, NpgsqlDbType.Boolean, cancellationToken);
        await Number(copy, r.Latitude, cancellationToken);
        await Number(copy, r.Longitude, cancellationToken);
        await Number(copy, r.X, cancellationToken);
        await Number(copy, r.Y, cancellationToken);
        await Text(copy, r.Location, cancellationToken);
        await Text(copy, r.AreaCode, cancellationToken);
        await Text(copy, r.Outcome, cancellationToken);
        await copy.WriteAsync(r.Unmappable, NpgsqlDbType.Boolean, cancellationToken);
        await copy.WriteAsync(r.OutOfArea, NpgsqlDbType.Boolean, cancellationToken);
    }

    private static Task Text(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task Number(NpgsqlBinaryImporter copy, double? value, CancellationToken cancellationToken) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Double, cancellationToken) : copy.WriteNullAsync(cancellationToken);

    private async Task Execute(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, Npgsql, (NpgsqlTransaction)transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

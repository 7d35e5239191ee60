using System.Globalization;
using System.Text.Json;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Reading;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>
/// Reads force records as JSON Lines: one JSON object per line with the same field names as the force records CSV;
/// numbers may be JSON numbers, and people may be an array of {"id", "role"} objects or the CSV's "id:role;…" text.
/// </summary>
internal sealed class ForceJsonLinesReader(ProfileRules rules, IMetricProjection projection, string file) : ICrimeRowReader
{
    public string? HeaderLine => null;

    public long Rows { get; private set; }

    public IEnumerable<ParsedRow<CrimeRecord>> Read(Stream stream)
    {
        using var lines = new LineReader(stream);
        var any = false;
        while (lines.Next())
        {
            if (lines.Current.Trim((byte)' ').IsEmpty && !lines.TooLong) continue;
            any = true;
            Rows++;
            yield return ReadLine(lines);
        }
        if (!any) throw new ImportFileException($"{file}: the file is empty (no JSON lines).");
    }

    private ParsedRow<CrimeRecord> ReadLine(LineReader lines)
    {
        if (lines.TooLong)
            return Bad(lines, "(row)", $"is {lines.Length:N0} bytes long, over the limit of {LineReader.MaxLineBytes:N0} bytes for one row (only its start is kept)");
        if (FieldChecks.LineProblem(lines.Current) is { } problem) return Bad(lines, "(row)", problem);
        CrimeFields fields;
        try
        {
            fields = Parse(lines.Current, out var unknown);
            if (unknown is not null) return Bad(lines, unknown, $"is not a field of the force records format ({string.Join(", ", ProfileFields.All)})");
        }
        catch (JsonException e)
        {
            return Bad(lines, "(row)", $"is not a JSON object: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return Bad(lines, "(row)", e.Message);
        }
        var record = fields.ToRecord(rules, projection, out var field, out var reason);
        return record is not null ? ParsedRow<CrimeRecord>.Ok(lines.Number, record) : Bad(lines, field!, reason!);
    }

    private static ParsedRow<CrimeRecord> Bad(LineReader lines, string field, string reason) =>
        ParsedRow<CrimeRecord>.Bad(lines.Number, field, reason, CsvRow.Text(lines.Current));

    private static CrimeFields Parse(ReadOnlySpan<byte> json, out string? unknownField)
    {
        unknownField = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
        var fields = new CrimeFields();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new InvalidOperationException("is not a JSON object (a line must start with '{')");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name == ProfileFields.People && reader.TokenType == JsonTokenType.StartArray)
            {
                fields.People = People(ref reader);
                continue;
            }
            var text = Scalar(ref reader, name);
            switch (name)
            {
                case ProfileFields.Reference: fields.Reference = text; break;
                case ProfileFields.OffenceCode: fields.OffenceCode = text; break;
                case ProfileFields.Category: fields.Category = text; break;
                case ProfileFields.OccurredFrom: fields.OccurredFrom = text; break;
                case ProfileFields.OccurredTo: fields.OccurredTo = text; break;
                case ProfileFields.Latitude: fields.Latitude = text; break;
                case ProfileFields.Longitude: fields.Longitude = text; break;
                case ProfileFields.Easting: fields.Easting = text; break;
                case ProfileFields.Northing: fields.Northing = text; break;
                case ProfileFields.Location: fields.Location = text; break;
                case ProfileFields.People: fields.People = text; break;
                case ProfileFields.Outcome: fields.Outcome = text; break;
                case ProfileFields.AreaCode: fields.AreaCode = text; break;
                default: unknownField ??= name; break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            throw new InvalidOperationException("holds more than one JSON object, or text after it");
        return fields;
    }

    private static string? Scalar(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString() is { Length: > 0 } s ? s.Trim() : null,
        JsonTokenType.Number => reader.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"field '{name}' must be a string or a number"),
    };

    private static string People(ref Utf8JsonReader reader)
    {
        var pairs = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? id = null, role = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new InvalidOperationException("people entries hold text 'id' and 'role'");
                if (name == "id") id = value;
                else if (name == "role") role = value;
            }
            pairs.Add($"{id}:{role}");
        }
        if (reader.TokenType != JsonTokenType.EndArray) throw new InvalidOperationException("people must be an array of {\"id\": …, \"role\": …}");
        return string.Join(';', pairs);
    }
}

using System.Globalization;
using HotSpots.Platform;
using HotSpots.Platform.Text;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>
/// Reads data.police.uk street-level CSV. Crime IDs repeat and anti-social behaviour rows have none, and
/// identical lines are separate incidents, so a row's key is its content plus its occurrence number in the file.
/// </summary>
internal sealed class PoliceUkStreetReader(ForceOptions force)
{
    public const string Source = "police-uk";
    public const string HeaderSignature = "Crime ID";

    public IEnumerable<RowResult> Read(Stream stream, string file)
    {
        using var reader = CsvRows.Open(stream, file);
        var crimeId = CsvRows.Column(reader, "Crime ID", file);
        var month = CsvRows.Column(reader, "Month", file);
        var longitude = CsvRows.Column(reader, "Longitude", file);
        var latitude = CsvRows.Column(reader, "Latitude", file);
        var location = CsvRows.Column(reader, "Location", file);
        var crimeType = CsvRows.Column(reader, "Crime type", file);
        var lsoa = CsvRows.IndexOf(reader, "LSOA code");
        var outcome = CsvRows.IndexOf(reader, "Last outcome category");
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var row in reader)
        {
            long line = row.LineNumberFrom;
            var raw = row.Span.ToString();
            if (row.ColCount < reader.Header.ColNames.Count)
            {
                yield return RowResult.Bad(line, "(row)", $"has {row.ColCount} fields, the header has {reader.Header.ColNames.Count}", raw);
                continue;
            }
            var id = CsvRows.Text(row, crimeId);
            var category = CsvRows.Text(row, crimeType);
            if (category is null)
            {
                yield return RowResult.Bad(line, "Crime type", "is empty", raw);
                continue;
            }
            var monthText = CsvRows.Text(row, month);
            if (!DateTime.TryParseExact(monthText, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var monthStart))
            {
                yield return RowResult.Bad(line, "Month", $"'{monthText}' is not a month (yyyy-MM)", raw);
                continue;
            }
            var position = Coordinates.Parse(CsvRows.Text(row, latitude), CsvRows.Text(row, longitude));
            if (position.Error is not null)
            {
                yield return RowResult.Bad(line, position.ErrorField!, position.Error, raw);
                continue;
            }
            var place = CsvRows.Text(row, location);
            var area = CsvRows.Text(row, lsoa);
            var lastOutcome = CsvRows.Text(row, outcome);

            // Identity: the Crime ID (or, without one, the whole row) at this position, numbered by occurrence.
            var identity = id is null
                ? $"{monthText}|{category}|{position.Latitude}|{position.Longitude}|{place}|{area}"
                : $"{id}|{position.Latitude}|{position.Longitude}";
            occurrences[identity] = occurrences.TryGetValue(identity, out var n) ? n + 1 : 0;
            var key = $"{(id ?? monthText)}#{StableHash.Of(identity):x16}#{occurrences[identity]}";

            yield return RowResult.Ok(line, new CrimeRecord
            {
                Source = Source,
                SourceKey = key,
                ContentHash = StableHash.Of(category, place, area, lastOutcome),
                Reference = id,
                Category = category,
                OccurredFromUtc = force.LocalToUtc(monthStart),
                OccurredToUtc = force.LocalToUtc(monthStart.AddMonths(1)),
                HasTimeOfDay = false,
                Latitude = position.Latitude,
                Longitude = position.Longitude,
                Location = place,
                AreaCode = area,
                Outcome = lastOutcome,
            });
        }
    }
}

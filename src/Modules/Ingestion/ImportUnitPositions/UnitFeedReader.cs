using System.Globalization;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Platform;

namespace HotSpots.Modules.Ingestion.ImportUnitPositions;

/// <summary>One valid row of a police location feed.</summary>
internal sealed record UnitPositionRecord(string UnitId, UnitType UnitType, DateTime TimeUtc, double Latitude, double Longitude, double? AccuracyMetres);

internal readonly record struct UnitRow(long Line, UnitPositionRecord? Record, string? Field, string? Reason, string RawText);

/// <summary>
/// Reads a police location feed CSV: unit_id, unit_type (foot, vehicle, unknown), time (ISO 8601; without an
/// offset it is the force's local time), latitude, longitude, accuracy (metres, optional).
/// </summary>
internal sealed class UnitFeedReader(ForceOptions force)
{
    public const string HeaderSignature = "unit_id";

    public IEnumerable<UnitRow> Read(Stream stream, string file)
    {
        using var reader = CsvRows.Open(stream, file);
        var unit = CsvRows.Column(reader, "unit_id", file);
        var type = CsvRows.Column(reader, "unit_type", file);
        var time = CsvRows.Column(reader, "time", file);
        var latitude = CsvRows.Column(reader, "latitude", file);
        var longitude = CsvRows.Column(reader, "longitude", file);
        var accuracy = CsvRows.IndexOf(reader, "accuracy");
        foreach (var row in reader)
        {
            long line = row.LineNumberFrom;
            var raw = row.Span.ToString();
            var unitId = CsvRows.Text(row, unit);
            if (unitId is null or { Length: > 64 })
            {
                yield return new UnitRow(line, null, "unit_id", unitId is null ? "is empty" : "is longer than 64 characters", raw);
                continue;
            }
            if (!Enum.TryParse<UnitType>(CsvRows.Text(row, type) ?? "unknown", ignoreCase: true, out var unitType) || !Enum.IsDefined(unitType))
            {
                yield return new UnitRow(line, null, "unit_type", $"'{CsvRows.Text(row, type)}' is not foot, vehicle or unknown", raw);
                continue;
            }
            if (!TryTime(CsvRows.Text(row, time), out var timeUtc))
            {
                yield return new UnitRow(line, null, "time", $"'{CsvRows.Text(row, time)}' is not an ISO 8601 date and time", raw);
                continue;
            }
            var position = Coordinates.Parse(CsvRows.Text(row, latitude), CsvRows.Text(row, longitude), "latitude", "longitude");
            if (position.Error is not null || position.Latitude is null)
            {
                yield return new UnitRow(line, null, position.ErrorField ?? "latitude", position.Error ?? "is empty", raw);
                continue;
            }
            double? metres = null;
            if (CsvRows.Text(row, accuracy) is { } accuracyText)
            {
                if (!double.TryParse(accuracyText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 100_000)
                {
                    yield return new UnitRow(line, null, "accuracy", $"'{accuracyText}' is not a distance in metres", raw);
                    continue;
                }
                metres = value;
            }
            yield return new UnitRow(line, new UnitPositionRecord(unitId, unitType, timeUtc, position.Latitude.Value, position.Longitude!.Value, metres), null, null, "");
        }
    }

    private bool TryTime(string? text, out DateTime utc)
    {
        utc = default;
        if (text is null) return false;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) &&
            (text.EndsWith('Z') || text.Contains('+') || text.LastIndexOf('-') > 9))
        {
            utc = withOffset.UtcDateTime;
            return true;
        }
        if (!LocalTimes.TryParse(text, out var local)) return false;
        utc = force.LocalToUtc(local);
        return true;
    }
}

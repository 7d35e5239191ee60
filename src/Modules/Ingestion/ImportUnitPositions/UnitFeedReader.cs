using System.Globalization;
using System.Text;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Reading;

namespace HotSpots.Modules.Ingestion.ImportUnitPositions;

/// <summary>One valid row of a police location feed.</summary>
internal sealed record UnitPositionRecord(string UnitId, UnitType UnitType, DateTime TimeUtc, double Latitude, double Longitude, double? AccuracyMetres);

/// <summary>
/// Reads a police location feed CSV: unit_id, unit_type (foot, vehicle, unknown), time (ISO 8601; without an
/// offset it is the force's local time), latitude, longitude, accuracy (metres, optional).
/// </summary>
internal sealed class UnitFeedReader(Func<DateTime, DateTime> localToUtc, string file) : CsvRecordReader<UnitPositionRecord>(file)
{
    public const string HeaderSignature = "unit_id";
    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss.FFF", "yyyy-MM-ddTHH:mm:ss.FFF"];

    private readonly TextPool _text = new();
    private int _unit, _type, _time, _latitude, _longitude, _accuracy;

    protected override void MapColumns()
    {
        _unit = Column("unit_id");
        _type = Column("unit_type");
        _time = Column("time");
        _latitude = Column("latitude");
        _longitude = Column("longitude");
        _accuracy = IndexOf("accuracy");
    }

    protected override UnitPositionRecord? ParseRow(long line, CsvRow row, out string? field, out string? reason)
    {
        field = reason = null;
        var unitId = _text.Get(row[_unit]);
        if (unitId is null or { Length: > 64 }) return Fail("unit_id", unitId is null ? "is empty" : "is longer than 64 characters", out field, out reason);
        if (FieldChecks.LooksLikeFormula(unitId)) return Fail("unit_id", FieldChecks.FormulaReason(unitId), out field, out reason);
        var typeText = _text.Get(row[_type]) ?? "unknown";
        if (!Enum.TryParse<UnitType>(typeText, ignoreCase: true, out var unitType) || !Enum.IsDefined(unitType) || char.IsAsciiDigit(typeText[0]))
            return Fail("unit_type", $"'{FieldChecks.Clip(typeText, 40)}' is not foot, vehicle or unknown", out field, out reason);
        var timeText = Encoding.UTF8.GetString(row[_time]);
        if (!TryTime(timeText, out var timeUtc))
            return Fail("time", $"'{FieldChecks.Clip(timeText, 40)}' is not an ISO 8601 date and time", out field, out reason);
        if (row.IsEmpty(_latitude) || row.IsEmpty(_longitude))
            return Fail(row.IsEmpty(_latitude) ? "latitude" : "longitude", "is empty", out field, out reason);
        if (!FieldChecks.TryNumber(row[_latitude], out var lat) || lat is < -90 or > 90)
            return Fail("latitude", $"'{FieldChecks.Clip(Encoding.UTF8.GetString(row[_latitude]), 40)}' is not a latitude (-90..90)", out field, out reason);
        if (!FieldChecks.TryNumber(row[_longitude], out var lon) || lon is < -180 or > 180)
            return Fail("longitude", $"'{FieldChecks.Clip(Encoding.UTF8.GetString(row[_longitude]), 40)}' is not a longitude (-180..180)", out field, out reason);
        double? metres = null;
        if (!row.IsEmpty(_accuracy))
        {
            if (!FieldChecks.TryNumber(row[_accuracy], out var value) || value is < 0 or > 100_000)
                return Fail("accuracy", $"'{FieldChecks.Clip(Encoding.UTF8.GetString(row[_accuracy]), 40)}' is not a distance in metres (0..100000)", out field, out reason);
            metres = value;
        }
        return new UnitPositionRecord(unitId, unitType, timeUtc, lat, lon, metres);
    }

    private bool TryTime(string text, out DateTime utc)
    {
        utc = default;
        if (text.Length == 0) return false;
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 19 && (text.IndexOf('+', 10) > 0 || text.LastIndexOf('-') > 10));
        if (hasOffset)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)) return false;
            utc = withOffset.UtcDateTime;
        }
        else
        {
            if (!DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
            utc = localToUtc(local);
        }
        return utc.Year is >= 1900 and <= 2200;
    }

    private static UnitPositionRecord? Fail(string name, string why, out string? field, out string? reason)
    {
        field = name;
        reason = why;
        return null;
    }
}

using HotSpots.Modules.Ingestion.Reading;
using HotSpots.Platform;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>
/// Reads data.police.uk street-level CSV. Crime IDs repeat and anti-social behaviour rows have none, and
/// identical lines are separate incidents, so a row's key is its month, a 64-bit hash of its identity (the Crime ID
/// and position, or without an ID the whole row but the outcome) and its occurrence number among rows of the same
/// identity in the file. A changed outcome keeps the key and updates the record.
/// </summary>
internal sealed class PoliceUkStreetReader(ForceOptions force, string file) : CsvRecordReader<CrimeRecord>(file), ICrimeRowReader
{
    public const string Source = "police-uk";
    public const string HeaderSignature = "Crime ID";

    private readonly TextPool _text = new();
    private readonly Dictionary<long, int> _occurrences = [];
    private readonly Dictionary<int, (DateTime From, DateTime To)> _months = [];
    private int _crimeId, _month, _longitude, _latitude, _location, _crimeType, _lsoa = -1, _outcome = -1, _columns;

    /// <summary>When set, the key ends in this line number instead of the occurrence (a re-submitted row of that line).</summary>
    public long? KeyLine { get; init; }

    protected override void MapColumns()
    {
        _crimeId = Column("Crime ID");
        _month = Column("Month");
        _longitude = Column("Longitude");
        _latitude = Column("Latitude");
        _location = Column("Location");
        _crimeType = Column("Crime type");
        _lsoa = IndexOf("LSOA code");
        _outcome = IndexOf("Last outcome category");
        _columns = Header.Count;
    }

    protected override CrimeRecord? ParseRow(long line, CsvRow row, out string? field, out string? reason)
    {
        field = reason = null;
        if (row.Count != _columns) return Fail("(row)", $"has {row.Count} fields, the header has {_columns}", out field, out reason);
        var id = row[_crimeId];
        var category = row[_crimeType];
        var place = row[_location];
        var area = _lsoa >= 0 ? row[_lsoa] : default;
        var outcome = _outcome >= 0 ? row[_outcome] : default;
        if (category.IsEmpty) return Fail("Crime type", "is empty", out field, out reason);
        if (id.Length > 128) return Fail("Crime ID", "is longer than 128 characters", out field, out reason);
        if (Formula(id, "Crime ID", out field, out reason) || Formula(category, "Crime type", out field, out reason) ||
            Formula(place, "Location", out field, out reason) || Formula(area, "LSOA code", out field, out reason) ||
            Formula(outcome, "Last outcome category", out field, out reason))
            return null;
        if (!TryMonth(row[_month], out var monthKey))
            return Fail("Month", $"'{Text(row[_month])}' is not a month (yyyy-MM)", out field, out reason);
        var latitudeText = row[_latitude];
        var longitudeText = row[_longitude];
        double? latitude = null, longitude = null;
        if (!latitudeText.IsEmpty || !longitudeText.IsEmpty)
        {
            if (latitudeText.IsEmpty) return Fail("Latitude", "is empty while the longitude is given", out field, out reason);
            if (longitudeText.IsEmpty) return Fail("Longitude", "is empty while the latitude is given", out field, out reason);
            if (!FieldChecks.TryNumber(latitudeText, out var lat)) return Fail("Latitude", $"'{Text(latitudeText)}' is not a number", out field, out reason);
            if (!FieldChecks.TryNumber(longitudeText, out var lon)) return Fail("Longitude", $"'{Text(longitudeText)}' is not a number", out field, out reason);
            if (lat is < -90 or > 90) return Fail("Latitude", $"{Text(latitudeText)} is outside -90..90", out field, out reason);
            if (lon is < -180 or > 180) return Fail("Longitude", $"{Text(longitudeText)} is outside -180..180", out field, out reason);
            (latitude, longitude) = (lat, lon);
        }

        ulong categoryHash = RowHash.Of(category), placeHash = RowHash.Of(place), areaHash = RowHash.Of(area), outcomeHash = RowHash.Of(outcome);
        // Identity: the Crime ID at this position or, without an ID, the whole row; numbered by occurrence.
        var identity = new RowHash();
        if (id.IsEmpty)
        {
            identity.Add(row[_month]);
            identity.Mix(categoryHash);
            identity.Mix(placeHash);
            identity.Mix(areaHash);
        }
        else identity.Add(id);
        identity.Add(latitude);
        identity.Add(longitude);
        var occurrence = _occurrences.TryGetValue(identity.Value, out var seen) ? seen + 1 : 0;
        _occurrences[identity.Value] = occurrence;

        var content = new RowHash();
        content.Mix(categoryHash);
        content.Mix(placeHash);
        content.Mix(areaHash);
        content.Mix(outcomeHash);

        var reference = id.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(id);
        var months = Months(monthKey);
        return new CrimeRecord
        {
            Source = Source,
            // The month leads the key so that a month's keys sit together in the index (imports go month by month).
            SourceKey = KeyLine is { } keyLine
                ? $"{_text.Get(row[_month])}#{identity.Value:x16}#L{keyLine}"
                : $"{_text.Get(row[_month])}#{identity.Value:x16}#{occurrence}",
            ContentHash = content.Value,
            Reference = reference,
            Category = _text.Get(category, categoryHash)!,
            OccurredFromUtc = months.From,
            OccurredToUtc = months.To,
            HasTimeOfDay = false,
            Latitude = latitude,
            Longitude = longitude,
            Location = _text.Get(place, placeHash),
            AreaCode = _text.Get(area, areaHash),
            Outcome = _text.Get(outcome, outcomeHash),
        };
    }

    private (DateTime From, DateTime To) Months(int key)
    {
        if (_months.TryGetValue(key, out var known)) return known;
        var start = new DateTime(key / 100, key % 100, 1);
        return _months[key] = (force.LocalToUtc(start), force.LocalToUtc(start.AddMonths(1)));
    }

    private static bool TryMonth(ReadOnlySpan<byte> text, out int key)
    {
        key = 0;
        if (text.Length != 7 || text[4] != (byte)'-') return false;
        for (var i = 0; i < 7; i++)
            if (i != 4 && !char.IsAsciiDigit((char)text[i])) return false;
        var year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
        var month = (text[5] - '0') * 10 + (text[6] - '0');
        if (year is < 1900 or > 2200 || month is < 1 or > 12) return false;
        key = year * 100 + month;
        return true;
    }

    private static bool Formula(ReadOnlySpan<byte> text, string name, out string? field, out string? reason)
    {
        field = reason = null;
        if (!FieldChecks.LooksLikeFormula(text)) return false;
        field = name;
        reason = FieldChecks.FormulaReason(Text(text));
        return true;
    }

    private static CrimeRecord? Fail(string name, string why, out string? field, out string? reason)
    {
        field = name;
        reason = why;
        return null;
    }

    private static string Text(ReadOnlySpan<byte> text) => FieldChecks.Clip(System.Text.Encoding.UTF8.GetString(text), 80);
}

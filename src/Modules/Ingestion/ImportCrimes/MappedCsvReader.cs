using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Reading;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>
/// Reads a CSV through a mapping profile: the force records format (whose columns are the field names) or any
/// other CSV an analyst has mapped, such as the City of Chicago crimes export. One crime per row, keyed by reference.
/// </summary>
internal sealed class MappedCsvReader(ProfileRules rules, IMetricProjection projection, string file) : CsvRecordReader<CrimeRecord>(file), ICrimeRowReader
{
    public const string ForceHeaderSignature = "reference";

    private readonly TextPool _text = new();
    private readonly int[] _index = new int[ProfileFields.All.Count];

    protected override void MapColumns()
    {
        for (var i = 0; i < ProfileFields.All.Count; i++)
        {
            var field = ProfileFields.All[i];
            _index[i] = rules.Profile.Columns.TryGetValue(field, out var column) && !string.IsNullOrWhiteSpace(column) ? IndexOf(column) : -1;
            if (_index[i] < 0 && ProfileFields.Required.Contains(field))
                throw rules.Profile.Name == ProfileRules.ForceRecordsProfile.Name
                    ? MissingColumn(field)
                    : new ImportFileException(
                        $"{File}: line 1 (header) has no column '{rules.ColumnOf(field)}', which profile '{rules.Profile.Name}' reads as {field}.");
        }
    }

    protected override CrimeRecord? ParseRow(long line, CsvRow row, out string? field, out string? reason)
    {
        var fields = new CrimeFields
        {
            Reference = Plain(row, 0),
            OffenceCode = Shared(row, 1),
            Category = Shared(row, 2),
            OccurredFrom = Plain(row, 3),
            OccurredTo = Plain(row, 4),
            Latitude = Plain(row, 5),
            Longitude = Plain(row, 6),
            Easting = Plain(row, 7),
            Northing = Plain(row, 8),
            Location = Shared(row, 9),
            People = Plain(row, 10),
            Outcome = Shared(row, 11),
            AreaCode = Shared(row, 12),
        };
        return fields.ToRecord(rules, projection, out field, out reason);
    }

    private string? Plain(CsvRow row, int field) =>
        _index[field] is var i and >= 0 && !row.IsEmpty(i) ? System.Text.Encoding.UTF8.GetString(row[i]) : null;

    private string? Shared(CsvRow row, int field) => _index[field] is var i and >= 0 ? _text.GetShortShared(row[i]) : null;
}

using HotSpots.Platform;
using HotSpots.Platform.Geography;
using HotSpots.Platform.Text;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>
/// Reads the HotSpots force records CSV (docs/data-formats.md): one crime per row, keyed by its reference,
/// local occurrence times, lat/lon or easting/northing, and linked people as "id:role;id:role".
/// </summary>
internal sealed class ForceRecordsCsvReader(ForceOptions force, IMetricProjection projection)
{
    public const string Source = "force";
    public const string HeaderSignature = "reference";

    public IEnumerable<RowResult> Read(Stream stream, string file)
    {
        using var reader = CsvRows.Open(stream, file);
        var reference = CsvRows.Column(reader, "reference", file);
        var category = CsvRows.Column(reader, "category", file);
        var occurredFrom = CsvRows.Column(reader, "occurred_from", file);
        var offenceCode = CsvRows.IndexOf(reader, "offence_code");
        var occurredTo = CsvRows.IndexOf(reader, "occurred_to");
        var latitude = CsvRows.IndexOf(reader, "latitude");
        var longitude = CsvRows.IndexOf(reader, "longitude");
        var easting = CsvRows.IndexOf(reader, "easting");
        var northing = CsvRows.IndexOf(reader, "northing");
        var location = CsvRows.IndexOf(reader, "location");
        var people = CsvRows.IndexOf(reader, "people");

        foreach (var row in reader)
        {
            long line = row.LineNumberFrom;
            var raw = row.Span.ToString();
            var fields = new ForceRecordFields(
                CsvRows.Text(row, reference), CsvRows.Text(row, offenceCode), CsvRows.Text(row, category),
                CsvRows.Text(row, occurredFrom), CsvRows.Text(row, occurredTo),
                CsvRows.Text(row, latitude), CsvRows.Text(row, longitude),
                CsvRows.Text(row, easting), CsvRows.Text(row, northing),
                CsvRows.Text(row, location), CsvRows.Text(row, people));
            yield return fields.ToRow(line, raw, force, projection);
        }
    }
}

/// <summary>The text fields of one force record, validated into a <see cref="CrimeRecord"/>.</summary>
internal sealed record ForceRecordFields(
    string? Reference, string? OffenceCode, string? Category, string? OccurredFrom, string? OccurredTo,
    string? Latitude, string? Longitude, string? Easting, string? Northing, string? Location, string? People)
{
    private static readonly HashSet<string> Roles = new(["suspect", "offender", "victim", "witness"], StringComparer.OrdinalIgnoreCase);

    public RowResult ToRow(long line, string raw, ForceOptions force, IMetricProjection projection)
    {
        if (Reference is null) return RowResult.Bad(line, "reference", "is empty", raw);
        if (Reference.Length > 128) return RowResult.Bad(line, "reference", "is longer than 128 characters", raw);
        if (Category is null) return RowResult.Bad(line, "category", "is empty", raw);
        if (!LocalTimes.TryParse(OccurredFrom, out var from))
            return RowResult.Bad(line, "occurred_from", $"'{OccurredFrom}' is not a date and time (yyyy-MM-dd HH:mm)", raw);
        DateTime? to = null;
        if (OccurredTo is not null)
        {
            if (!LocalTimes.TryParse(OccurredTo, out var parsedTo))
                return RowResult.Bad(line, "occurred_to", $"'{OccurredTo}' is not a date and time (yyyy-MM-dd HH:mm)", raw);
            if (parsedTo < from) return RowResult.Bad(line, "occurred_to", "is before occurred_from", raw);
            to = force.LocalToUtc(parsedTo);
        }

        var position = Coordinates.Parse(Latitude, Longitude, "latitude", "longitude");
        if (position.Error is not null) return RowResult.Bad(line, position.ErrorField!, position.Error, raw);
        if (position.Latitude is null && (Easting is not null || Northing is not null))
        {
            var grid = GridReference.Parse(Easting, Northing, projection);
            if (grid.Error is not null) return RowResult.Bad(line, grid.ErrorField!, grid.Error, raw);
            position = new Coordinates(grid.Latitude, grid.Longitude, null, null);
        }

        var links = new List<(string, string)>();
        foreach (var entry in (People ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length is 0 or > 64 || !Roles.Contains(parts[1]))
                return RowResult.Bad(line, "people", $"'{entry}' is not 'person-id:role' with role suspect, offender, victim or witness", raw);
            links.Add((parts[0], parts[1].ToLowerInvariant()));
        }

        return RowResult.Ok(line, new CrimeRecord
        {
            Source = ForceRecordsCsvReader.Source,
            SourceKey = Reference,
            ContentHash = StableHash.Of(OffenceCode, Category, OccurredFrom, OccurredTo, Latitude, Longitude, Easting, Northing, Location, People),
            Reference = Reference,
            Category = Category,
            OffenceCode = OffenceCode,
            OccurredFromUtc = force.LocalToUtc(from),
            OccurredToUtc = to,
            HasTimeOfDay = true,
            Latitude = position.Latitude,
            Longitude = position.Longitude,
            Location = Location,
            People = links,
        });
    }
}

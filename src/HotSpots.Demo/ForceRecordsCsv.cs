using System.Globalization;

namespace HotSpots.Demo;

/// <summary>Writes crimes in the HotSpots force records CSV format (docs/data-formats.md).</summary>
public static class ForceRecordsCsv
{
    public const string Header = "reference,offence_code,category,occurred_from,occurred_to,latitude,longitude,easting,northing,location,people,area_code";

    public static void Write(TextWriter writer, IEnumerable<DemoCrime> crimes)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (var c in crimes)
        {
            writer.Write(string.Join(',',
                c.Reference, c.OffenceCode, Quote(c.Category), c.OccurredFrom.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), "",
                c.Latitude.ToString("0.000000", CultureInfo.InvariantCulture), c.Longitude.ToString("0.000000", CultureInfo.InvariantCulture),
                "", "", Quote(c.Location), string.Join(';', c.People.Select(p => $"{p.PersonId}:{p.Role}")), Quote(c.AreaCode ?? "")));
            writer.Write('\n');
        }
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n") >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}

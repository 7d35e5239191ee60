using HotSpots.Modules.Ingestion.Contracts;
using nietras.SeparatedValues;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>Opens a CSV with a header and maps required column names to indexes, with a clear error when one is missing.</summary>
internal static class CsvRows
{
    public static SepReader Open(Stream stream, string file)
    {
        try
        {
            return Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = true })
                .From(stream);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            throw new ImportFileException($"{file}: cannot be read as CSV ({e.Message}).");
        }
    }

    public static int Column(SepReader reader, string name, string file)
    {
        var index = IndexOf(reader, name);
        return index >= 0
            ? index
            : throw new ImportFileException(
                $"{file}: line 1 (header) has no column '{name}'. Columns found: {string.Join(", ", reader.Header.ColNames)}.");
    }

    public static int IndexOf(SepReader reader, string name)
    {
        var names = reader.Header.ColNames;
        for (var i = 0; i < names.Count; i++)
            if (string.Equals(names[i].Trim().TrimStart('\uFEFF'), name, StringComparison.OrdinalIgnoreCase))
                return i;
        return -1;
    }

    public static string? Text(SepReader.Row row, int index)
    {
        if (index < 0 || index >= row.ColCount) return null;
        var span = row[index].Span.Trim();
        return span.IsEmpty ? null : span.ToString();
    }
}

namespace HotSpots.Platform.Text;

/// <summary>
/// Writes one CSV cell so that a spreadsheet opens it as text, never as a formula (OWASP "CSV injection"):
/// a cell that starts with = + - @ tab or carriage return gets a leading apostrophe, and a cell with a comma,
/// quote or line break is quoted. Use it for every cell that holds text from users or imported files.
/// </summary>
public static class CsvCell
{
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>A CSV line of text cells, ending with a line feed.</summary>
    public static string Line(params string?[] values) => string.Join(',', values.Select(Text)) + "\n";
}

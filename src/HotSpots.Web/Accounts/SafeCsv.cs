namespace HotSpots.Web.Accounts;

/// <summary>A CSV cell a spreadsheet will not run as a formula: = + - @, tab or CR at the start gets an apostrophe; then RFC 4180 quoting.</summary>
internal static class SafeCsv
{
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}

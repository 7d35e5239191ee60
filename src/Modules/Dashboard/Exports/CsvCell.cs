using System.Globalization;

namespace HotSpots.Modules.Dashboard.Exports;

/// <summary>
/// A CSV cell that a spreadsheet will not run: text starting with = + - @, a tab or a carriage return is prefixed
/// with an apostrophe (OWASP's advice against formula injection), then quoted when it holds a comma, quote or line break.
/// Numbers are written as numbers.
/// </summary>
internal static class CsvCell
{
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

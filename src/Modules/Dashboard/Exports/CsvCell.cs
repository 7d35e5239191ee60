using System.Globalization;

namespace HotSpots.Modules.Dashboard.Exports;

/// <summary>
/// CSV cells for the exports: text through the platform's formula-safe <see cref="Platform.Text.CsvCell"/>; numbers and
/// times in invariant form.
/// </summary>
internal static class CsvCell
{
    public static string Text(string? value) => Platform.Text.CsvCell.Text(value);

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

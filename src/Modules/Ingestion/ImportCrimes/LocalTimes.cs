using System.Globalization;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>Local date-times as forces write them: ISO with a space or a T, minutes or seconds.</summary>
internal static class LocalTimes
{
    private static readonly string[] Formats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];

    public static bool TryParse(string? text, out DateTime value)
    {
        value = default;
        return text is not null
            && DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            && value.Year is >= 1900 and <= 2200;
    }
}

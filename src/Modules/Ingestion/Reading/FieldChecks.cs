using System.Globalization;

namespace HotSpots.Modules.Ingestion.Reading;

/// <summary>Checks shared by every format: text that a spreadsheet would run as a formula, numbers, lines.</summary>
internal static class FieldChecks
{
    /// <summary>
    /// Text starting with = or @, or with + or - not followed by a number, is what spreadsheets run as a formula
    /// (e.g. =HYPERLINK(…)). HotSpots does not store it, so no later export can carry it into an analyst's Excel.
    /// </summary>
    public static bool LooksLikeFormula(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty) return false;
        return text[0] switch
        {
            (byte)'=' or (byte)'@' or (byte)'\t' or (byte)'\r' => true,
            (byte)'+' or (byte)'-' => text.Length > 1 && !(char.IsAsciiDigit((char)text[1]) || text[1] == (byte)'.' || text[1] == (byte)' '),
            _ => false,
        };
    }

    public static bool LooksLikeFormula(string? text) =>
        text is { Length: > 0 } && (text[0] is '=' or '@' or '\t' or '\r' ||
            text[0] is '+' or '-' && text.Length > 1 && !(char.IsAsciiDigit(text[1]) || text[1] is '.' or ' '));

    public static string FormulaReason(string text) =>
        $"starts with '{text[0]}' and looks like a spreadsheet formula ({Clip(text, 40)}); HotSpots does not store formulas";

    public static bool TryNumber(ReadOnlySpan<byte> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>
    /// Why a raw line cannot be read at all (not UTF-8, NUL bytes), or null when it can. <paramref name="quoteByte"/> says
    /// which byte is wrong (for a row, whose text is quarantined anyway); a file's header is described without it.
    /// </summary>
    public static string? LineProblem(ReadOnlySpan<byte> line, bool quoteByte = true)
    {
        if (line.IndexOf((byte)0) >= 0) return "contains NUL bytes: the file is binary, or UTF-16 text; save it as UTF-8 CSV";
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            var position = FirstInvalid(line);
            var where = quoteByte ? $"byte 0x{line[position]:X2} at position {position + 1}" : $"at byte {position + 1}";
            return $"is not UTF-8 text ({where}); the file may be saved as Windows-1252 or Latin-1: save it as UTF-8";
        }
        return null;
    }

    public static string Clip(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static int FirstInvalid(ReadOnlySpan<byte> line)
    {
        var position = 0;
        while (position < line.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(line[position..], out _, out var consumed) != System.Buffers.OperationStatus.Done) return position;
            position += consumed;
        }
        return 0;
    }
}

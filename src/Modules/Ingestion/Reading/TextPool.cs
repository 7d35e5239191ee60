using System.Text;

namespace HotSpots.Modules.Ingestion.Reading;

/// <summary>
/// Turns UTF-8 field bytes into strings, sharing one string per distinct value (categories, places and outcomes
/// repeat thousands of times), without allocating for a value already seen. Bounded, so memory stays flat.
/// </summary>
internal sealed class TextPool
{
    private const int MaxEntries = 200_000;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private char[] _chars = new char[512];

    public TextPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The text of a UTF-8 field, or null when it is empty.</summary>
    public string? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return null;
        if (_chars.Length < utf8.Length) _chars = new char[utf8.Length * 2];
        var length = Encoding.UTF8.GetChars(utf8, _chars);
        var chars = _chars.AsSpan(0, length);
        if (_lookup.TryGetValue(chars, out var known)) return known;
        var text = chars.ToString();
        if (_strings.Count < MaxEntries) _strings[text] = text;
        return text;
    }

    /// <summary>The text of a field, shared only when it is short (long free text rarely repeats).</summary>
    public string? GetShortShared(ReadOnlySpan<byte> utf8) =>
        utf8.Length <= 96 ? Get(utf8) : utf8.IsEmpty ? null : Encoding.UTF8.GetString(utf8);
}

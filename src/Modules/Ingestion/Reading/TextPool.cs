using System.Text;

namespace HotSpots.Modules.Ingestion.Reading;

/// <summary>
/// Turns UTF-8 field bytes into strings, sharing one string per distinct value (categories, places and outcomes
/// repeat thousands of times), looked up by the field's hash so that a value already seen costs no decoding and no
/// allocation. Bounded, so memory stays flat.
/// </summary>
internal sealed class TextPool
{
    private const int MaxEntries = 200_000;
    private readonly Dictionary<ulong, (byte[] Bytes, string Text)> _strings = [];

    /// <summary>The text of a UTF-8 field, or null when it is empty.</summary>
    public string? Get(ReadOnlySpan<byte> utf8) => utf8.IsEmpty ? null : Get(utf8, RowHash.Of(utf8));

    /// <summary>As <see cref="Get(ReadOnlySpan{byte})"/>, with the field's <see cref="RowHash.Of"/> already known.</summary>
    public string? Get(ReadOnlySpan<byte> utf8, ulong hash)
    {
        if (utf8.IsEmpty) return null;
        if (_strings.TryGetValue(hash, out var known) && utf8.SequenceEqual(known.Bytes)) return known.Text;
        var text = Encoding.UTF8.GetString(utf8);
        if (_strings.Count < MaxEntries) _strings.TryAdd(hash, (utf8.ToArray(), text));
        return text;
    }

    /// <summary>The text of a field, shared only when it is short (long free text rarely repeats).</summary>
    public string? GetShortShared(ReadOnlySpan<byte> utf8) =>
        utf8.Length <= 96 ? Get(utf8) : utf8.IsEmpty ? null : Encoding.UTF8.GetString(utf8);
}

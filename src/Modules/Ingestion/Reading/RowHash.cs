using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace HotSpots.Modules.Ingestion.Reading;

/// <summary>
/// A 64-bit hash of several fields in order (XxHash3 per field, then mixed), stable across processes and versions:
/// for record keys, content hashes and quarantined lines. ("ab","c") and ("a","bc") differ.
/// </summary>
internal struct RowHash
{
    private ulong _value;

    public RowHash() => _value = 0x9E3779B97F4A7C15;

    public readonly long Value => (long)_value;

    public static ulong Of(ReadOnlySpan<byte> field) => XxHash3.HashToUInt64(field);

    public void Add(ReadOnlySpan<byte> field) => Mix(Of(field));

    public void Add(string? field) => Mix(field is null ? 0x6E756C6CUL : XxHash3.HashToUInt64(MemoryMarshal.AsBytes(field.AsSpan())));

    public void Add(double? value) => Mix(value is { } v ? (ulong)BitConverter.DoubleToInt64Bits(v) : 0x7FF8DEAD00000001UL);

    /// <summary>Adds a field's hash computed before (see <see cref="Of"/>).</summary>
    public void Mix(ulong fieldHash)
    {
        var h = (_value ^ fieldHash) * 0xFF51AFD7ED558CCDUL;
        _value = (h ^ (h >> 33)) * 0xC4CEB9FE1A85EC53UL;
    }
}

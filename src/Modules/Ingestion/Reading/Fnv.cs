namespace HotSpots.Modules.Ingestion.Reading;

/// <summary>FNV-1a 64-bit over bytes: stable across processes and versions, for keys and content hashes.</summary>
internal struct Fnv
{
    private const ulong Prime = 1099511628211;
    private ulong _hash;

    public Fnv() => _hash = 14695981039346656037;

    public readonly long Value => (long)_hash;

    /// <summary>Adds a field and a separator, so that ("ab","c") and ("a","bc") differ.</summary>
    public void Add(ReadOnlySpan<byte> field)
    {
        var hash = _hash;
        foreach (var b in field) hash = (hash ^ b) * Prime;
        _hash = (hash ^ 0x1F) * Prime;
    }

    public void Add(string? field)
    {
        var hash = _hash;
        foreach (var c in field.AsSpan())
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }
        _hash = (hash ^ 0x1F) * Prime;
    }

    public void Add(double? value)
    {
        var bits = value is { } v ? BitConverter.DoubleToInt64Bits(v) : long.MinValue;
        Span<byte> bytes = stackalloc byte[8];
        BitConverter.TryWriteBytes(bytes, bits);
        Add(bytes);
    }
}

namespace HotSpots.Platform.Text;

/// <summary>FNV-1a 64-bit hash: stable across processes and versions, unlike string.GetHashCode.</summary>
public static class StableHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static long Of(ReadOnlySpan<char> text) => (long)Add(Offset, text);

    /// <summary>Hashes several fields with a separator so that ("ab","c") and ("a","bc") differ.</summary>
    public static long Of(params ReadOnlySpan<string?> fields)
    {
        var hash = Offset;
        foreach (var field in fields)
        {
            hash = Add(hash, field);
            hash = (hash ^ 0x1F) * Prime;
        }
        return (long)hash;
    }

    private static ulong Add(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }
        return hash;
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace HotSpots.Web.Security;

/// <summary>
/// Time-based one-time codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) as authenticator apps show them,
/// and the otpauth:// address those apps read. Identity checks the codes; this computes them for the demo's
/// console and for tests.
/// </summary>
internal static class Totp
{
    public static string Uri(string issuer, string account, string base32Key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}" +
        $"?secret={base32Key}&issuer={System.Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";

    public static string Code(string base32Key, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=') continue;
            var index = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0) throw new FormatException($"'{c}' is not a base32 character.");
            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
            buffer &= (1 << bits) - 1;
        }
        return [.. bytes];
    }
}

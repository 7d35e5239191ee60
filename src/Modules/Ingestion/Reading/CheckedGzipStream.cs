using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace HotSpots.Modules.Ingestion.Reading;

/// <summary>
/// A gzip file decompressed and checked against its trailer (CRC-32 and length of the content). .NET's GZipStream
/// ends quietly when a file is cut short, which would drop its last rows without a word; this says so instead.
/// </summary>
internal sealed class CheckedGzipStream : ForwardOnlyStream
{
    private readonly GZipStream _gzip;
    private readonly uint _expectedCrc, _expectedLength;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _checked;

    public CheckedGzipStream(Stream compressed, string file)
    {
        var trailer = new byte[8];
        using (var raw = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
        {
            if (raw.Length < 18) throw new InvalidDataException("it is too short to be a gzip file");
            raw.Seek(-8, SeekOrigin.End);
            raw.ReadExactly(trailer);
        }
        _expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        _expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer.AsSpan(4));
        _gzip = new GZipStream(compressed, CompressionMode.Decompress);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _gzip.Read(buffer);
        if (read > 0)
        {
            _crc.Append(buffer[..read]);
            _length += read;
        }
        else if (!_checked && buffer.Length > 0)
        {
            _checked = true;
            if (_crc.GetCurrentHashAsUInt32() != _expectedCrc || (uint)_length != _expectedLength)
                throw new InvalidDataException(
                    "the compressed file is incomplete or damaged: its content does not match the gzip checksum at its end " +
                    "(cut short in transfer, or several gzip files joined; compress it again as one file)");
        }
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }
}

using System.Buffers;

namespace HotSpots.Modules.Ingestion.Reading;

/// <summary>
/// Splits a byte stream into lines (LF or CRLF) without decoding it, in a buffer reused from line to line, so
/// memory stays flat whatever the file size. A line longer than <see cref="MaxLineBytes"/> is skipped up to its
/// end and returned as <see cref="TooLong"/> with only its first bytes, so one huge line cannot exhaust memory
/// and the lines after it are still read.
/// </summary>
internal sealed class LineReader : IDisposable
{
    public const int MaxLineBytes = 1 << 20;
    private const int KeptOfLongLine = 256;

    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private readonly byte[] _longLine = new byte[KeptOfLongLine];
    private int _start, _end, _lineStart, _lineLength;
    private bool _eof, _currentIsLong, _first = true;

    public LineReader(Stream stream) => _stream = stream;

    /// <summary>1-based number of the current line in the file.</summary>
    public long Number { get; private set; }

    /// <summary>True when the current line was longer than the limit; <see cref="Current"/> then holds its start.</summary>
    public bool TooLong { get; private set; }

    /// <summary>Length in bytes of the current line as it was in the file.</summary>
    public long Length { get; private set; }

    public ReadOnlySpan<byte> Current =>
        _currentIsLong ? _longLine.AsSpan(0, Math.Min(KeptOfLongLine, (int)Math.Min(Length, KeptOfLongLine))) : _buffer.AsSpan(_lineStart, _lineLength);

    public bool Next()
    {
        TooLong = _currentIsLong = false;
        var searchFrom = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(searchFrom, _end - searchFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                SetLine(_start, searchFrom + newline - _start);
                _start = searchFrom + newline + 1;
                return true;
            }
            if (_eof)
            {
                if (_start >= _end) return false;
                SetLine(_start, _end - _start);
                _start = _end;
                return true;
            }
            if (_end - _start >= MaxLineBytes) return SkipLongLine();
            searchFrom = _end - _start;
            Fill();
            searchFrom += _start;
        }
    }

    private void SetLine(int start, int length)
    {
        Number++;
        Length = length;
        if (length > 0 && _buffer[start + length - 1] == (byte)'\r') length--;
        if (_first)
        {
            _first = false;
            if (_buffer.AsSpan(start, length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { start += 3; length -= 3; }
        }
        _lineStart = start;
        _lineLength = length;
    }

    /// <summary>Moves the unread bytes to the front, grows the buffer when a line fills it, and reads more.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, MaxLineBytes + (1 << 16)));
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }

    private bool SkipLongLine()
    {
        _buffer.AsSpan(_start, KeptOfLongLine).CopyTo(_longLine);
        long length = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                length += newline;
                _start += newline + 1;
                break;
            }
            length += _end - _start;
            _start = _end;
            if (_eof) break;
            Fill();
        }
        Number++;
        Length = length;
        TooLong = _currentIsLong = true;
        _first = false;
        return true;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _stream.Dispose();
    }
}

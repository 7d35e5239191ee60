using System.Text;

namespace HotSpots.Modules.Ingestion.Reading;

/// <summary>
/// The fields of one CSV record (RFC 4180 quoting), parsed in place in a buffer reused from row to row. Fields are
/// UTF-8 bytes, trimmed of spaces; quoted fields are unescaped. A record is usually one line; one whose quoted field
/// holds a line break is given here as its lines joined by LF (<see cref="CsvRecordReader{T}"/> joins them).
/// </summary>
internal sealed class CsvRow
{
    private byte[] _line = new byte[1024];
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];

    public int Count { get; private set; }

    /// <summary>Why the line could not be split into fields (an unclosed quote), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>True when a quoted field is still open at the end: the record may go on over the next line.</summary>
    public bool Unclosed { get; private set; }

    public ReadOnlySpan<byte> this[int index] =>
        index < Count ? _line.AsSpan(_starts[index], _lengths[index]) : default;

    public bool IsEmpty(int index) => index < 0 || index >= Count || _lengths[index] == 0;

    public void Parse(ReadOnlySpan<byte> line)
    {
        if (_line.Length < line.Length) _line = new byte[Math.Max(line.Length, _line.Length * 2)];
        line.CopyTo(_line);
        Count = 0;
        Error = null;
        Unclosed = false;
        if (line.IndexOf((byte)'"') < 0) SplitPlain(line.Length);
        else SplitQuoted(line.Length);
    }

    private void SplitPlain(int length)
    {
        var position = 0;
        while (true)
        {
            var comma = _line.AsSpan(position, length - position).IndexOf((byte)',');
            var end = comma < 0 ? length : position + comma;
            Add(position, end - position);
            if (comma < 0) return;
            position = end + 1;
        }
    }

    /// <summary>Unescapes in place: the written text is never longer than the text read, so it cannot overtake it.</summary>
    private void SplitQuoted(int length)
    {
        int read = 0, write = 0;
        while (true)
        {
            while (read < length && _line[read] == (byte)' ') read++;
            var start = write;
            if (read < length && _line[read] == (byte)'"')
            {
                read++;
                while (true)
                {
                    var quote = _line.AsSpan(read, length - read).IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        Error = "has a quote (\") that is never closed";
                        Unclosed = true;
                        return;
                    }
                    _line.AsSpan(read, quote).CopyTo(_line.AsSpan(write));
                    write += quote;
                    read += quote + 1;
                    if (read < length && _line[read] == (byte)'"') { _line[write++] = (byte)'"'; read++; }
                    else break;
                }
            }
            var comma = _line.AsSpan(read, length - read).IndexOf((byte)',');
            var end = comma < 0 ? length : read + comma;
            _line.AsSpan(read, end - read).CopyTo(_line.AsSpan(write));
            write += end - read;
            Add(start, write - start);
            if (comma < 0) return;
            read = end + 1;
        }
    }

    /// <summary>Starts a record whose fields are given one by one (<see cref="AddField"/>) by another tokenizer.</summary>
    public void Clear()
    {
        Count = 0;
        Error = null;
        Unclosed = false;
    }

    /// <summary>Room for the next field's <paramref name="length"/> UTF-8 bytes, to be written by the caller.</summary>
    public Span<byte> AddField(int length)
    {
        var start = Count == 0 ? 0 : _starts[Count - 1] + _lengths[Count - 1];
        if (_line.Length < start + length) Array.Resize(ref _line, Math.Max(start + length, _line.Length * 2));
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }
        _starts[Count] = start;
        _lengths[Count] = length;
        Count++;
        return _line.AsSpan(start, length);
    }

    private void Add(int start, int length)
    {
        while (length > 0 && _line[start] == (byte)' ') { start++; length--; }
        while (length > 0 && _line[start + length - 1] == (byte)' ') length--;
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }
        _starts[Count] = start;
        _lengths[Count] = length;
        Count++;
    }

    /// <summary>The line as text for quarantine and error messages; bytes that are not UTF-8 are read as Latin-1.</summary>
    public static string Text(ReadOnlySpan<byte> line) =>
        System.Text.Unicode.Utf8.IsValid(line) ? Encoding.UTF8.GetString(line) : Encoding.Latin1.GetString(line);
}

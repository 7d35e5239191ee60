namespace HotSpots.Modules.Ingestion.Reading;

/// <summary>
/// The lines of a file, some of which may have been read ahead and given back (<see cref="GiveBack"/>) to be read
/// again in order: a record that might go on over the next lines looks at them first.
/// </summary>
internal sealed class LinesAhead(LineReader reader)
{
    /// <summary>A line held as a copy, with its number and whether it was over the length limit.</summary>
    internal sealed record Line(byte[] Bytes, long Number, bool TooLong, long Length);

    private readonly LinkedList<Line> _back = new();
    private Line? _current;

    public ReadOnlySpan<byte> Current => _current is { } line ? line.Bytes : reader.Current;

    /// <summary>1-based number of the current line in the file.</summary>
    public long Number => _current?.Number ?? reader.Number;

    public bool TooLong => _current?.TooLong ?? reader.TooLong;

    public long Length => _current?.Length ?? reader.Length;

    public bool Next()
    {
        if (_back.First is { } first)
        {
            _back.RemoveFirst();
            _current = first.Value;
            return true;
        }
        _current = null;
        return reader.Next();
    }

    /// <summary>A copy of the current line, which stays good after <see cref="Next"/>.</summary>
    public Line Hold() => _current ?? new Line(reader.Current.ToArray(), reader.Number, reader.TooLong, reader.Length);

    /// <summary>Lines read ahead, in the order they were read, to be read again before any other.</summary>
    public void GiveBack(IReadOnlyList<Line> lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--) _back.AddFirst(lines[i]);
    }
}

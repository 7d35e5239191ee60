using System.Buffers;
using System.Text;
using HotSpots.Modules.Ingestion.Contracts;

namespace HotSpots.Modules.Ingestion.Reading;

/// <summary>What a reader made of one line: a record, or a problem that sends the line to quarantine.</summary>
internal readonly record struct ParsedRow<T>(long Line, T? Record, string? Field, string? Reason, string RawText) where T : class
{
    public static ParsedRow<T> Ok(long line, T record) => new(line, record, null, null, "");

    public static ParsedRow<T> Bad(long line, string field, string reason, string raw) => new(line, null, field, reason, raw);
}

/// <summary>Reads the records of one file, row by row.</summary>
internal interface IRowReader<T> where T : class
{
    /// <summary>The header line as read (null for formats without one), kept with quarantined rows.</summary>
    string? HeaderLine { get; }

    /// <summary>Data rows read so far.</summary>
    long Rows { get; }

    IEnumerable<ParsedRow<T>> Read(Stream stream);
}

/// <summary>
/// What every CSV format shares: the header line, rows too long or not UTF-8, unclosed quotes, quoted fields that hold
/// line breaks, blank lines. A format only maps the fields of a well-formed record to a record or to a problem (field
/// and reason). A record is reported by the line it starts on, counted as a text editor counts lines, so a record
/// whose quoted field holds line breaks covers several lines and the records after it keep their own line numbers.
/// </summary>
internal abstract class CsvRecordReader<T> : IRowReader<T> where T : class
{
    private readonly ArrayBufferWriter<byte> _joined = new();

    protected CsvRecordReader(string file) => File = file;

    protected string File { get; }

    protected IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>The header line as read, kept with quarantined rows so that a fixed row can be read again.</summary>
    public string? HeaderLine { get; private set; }

    /// <summary>Data rows read so far (blank lines are not rows).</summary>
    public long Rows { get; private set; }

    public IEnumerable<ParsedRow<T>> Read(Stream stream)
    {
        using var reader = new LineReader(stream);
        ReadHeader(reader);
        var lines = new LinesAhead(reader);
        var row = new CsvRow();
        while (lines.Next())
        {
            if (lines.Current.IsEmpty && !lines.TooLong) continue;
            Rows++;
            yield return ReadRow(lines, row);
        }
    }

    private ParsedRow<T> ReadRow(LinesAhead lines, CsvRow row)
    {
        var line = lines.Number;
        if (lines.TooLong)
            return Bad(line, "(row)", $"is {lines.Length:N0} bytes long, over the limit of {LineReader.MaxLineBytes:N0} bytes for one row (only its start is kept)", lines.Current);
        if (FieldChecks.LineProblem(lines.Current) is { } problem) return Bad(line, "(row)", problem, lines.Current);
        row.Parse(lines.Current);
        // Reading ahead moves the lines on: the record's text is then the copy the join kept.
        var text = row.Unclosed ? Join(lines, row) : lines.Current;
        if (row.Error is not null) return Bad(line, "(row)", row.Error, text);
        var record = ParseRow(line, row, out var field, out var reason);
        return record is not null ? ParsedRow<T>.Ok(line, record) : Bad(line, field!, reason!, text);
    }

    /// <summary>
    /// A quoted field still open at the end of a line holds a line break: the record goes on over the next lines (joined
    /// by LF, whether the file has LF or CRLF) until the quote closes. The join is kept only when it makes a well-formed
    /// record with the header's number of fields, within the limit for one row, over lines that can be read. Otherwise
    /// <paramref name="row"/> is left as the first line alone (an unclosed quote, quarantined), and the lines read ahead
    /// are read again as rows of their own: one stray quote loses no good row after it. Returns the record's text.
    /// </summary>
    private ReadOnlySpan<byte> Join(LinesAhead lines, CsvRow row)
    {
        _joined.ResetWrittenCount();
        _joined.Write(lines.Current);
        var first = _joined.WrittenCount;
        var ahead = new List<LinesAhead.Line>();
        var joined = false;
        while (lines.Next())
        {
            var next = lines.Hold();
            ahead.Add(next);
            if (next.TooLong || _joined.WrittenCount + 1 + next.Bytes.Length > LineReader.MaxLineBytes ||
                FieldChecks.LineProblem(next.Bytes) is not null)
                break;
            _joined.Write("\n"u8);
            _joined.Write(next.Bytes);
            if (next.Bytes.AsSpan().IndexOf((byte)'"') < 0) continue; // no quote: still inside the quoted field
            row.Parse(_joined.WrittenSpan);
            if (row.Unclosed) continue;
            joined = row.Error is null && row.Count == Header.Count;
            break;
        }
        if (joined) return _joined.WrittenSpan;
        lines.GiveBack(ahead);
        row.Parse(_joined.WrittenSpan[..first]);
        return _joined.WrittenSpan[..first];
    }

    /// <summary>For another tokenizer (the benchmarks compare them): the header's fields, mapped as <see cref="Read"/> maps them.</summary>
    internal void UseHeader(IReadOnlyList<string> header)
    {
        Header = header;
        MapColumns();
    }

    /// <summary>For another tokenizer (the benchmarks compare them): one record's fields, checked as <see cref="Read"/> checks them.</summary>
    internal T? ParseFields(long line, CsvRow row, out string? field, out string? reason) => ParseRow(line, row, out field, out reason);

    private static ParsedRow<T> Bad(long line, string field, string reason, ReadOnlySpan<byte> text) =>
        ParsedRow<T>.Bad(line, field, reason, CsvRow.Text(text));

    private void ReadHeader(LineReader lines)
    {
        if (!lines.Next()) throw new ImportFileException($"{File}: the file is empty (there is no header line).");
        if (lines.TooLong) throw new ImportFileException($"{File}: line 1 (header) is {lines.Length:N0} bytes long; this is not a CSV file HotSpots can read.");
        if (FieldChecks.LineProblem(lines.Current, quoteByte: false) is { } problem) throw new ImportFileException($"{File}: line 1 (header) {problem}.");
        var row = new CsvRow();
        row.Parse(lines.Current);
        if (row.Error is not null) throw new ImportFileException($"{File}: line 1 (header) {row.Error}.");
        HeaderLine = Encoding.UTF8.GetString(lines.Current);
        Header = Enumerable.Range(0, row.Count).Select(i => Encoding.UTF8.GetString(row[i])).ToList();
        MapColumns();
    }

    /// <summary>Finds the format's columns in <see cref="Header"/>; throws <see cref="ImportFileException"/> when one is missing.</summary>
    protected abstract void MapColumns();

    /// <summary>A record, or null with the field and reason that keep the row out.</summary>
    protected abstract T? ParseRow(long line, CsvRow row, out string? field, out string? reason);

    protected int Column(string name) => IndexOf(name) is var i and >= 0 ? i : throw MissingColumn(name);

    protected int IndexOf(string name)
    {
        for (var i = 0; i < Header.Count; i++)
            if (string.Equals(Header[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>A missing column, named as the format names it; the header's own text is not quoted (the file may be anything).</summary>
    protected ImportFileException MissingColumn(string name) => new($"{File}: line 1 (header) has no column '{name}'.");
}

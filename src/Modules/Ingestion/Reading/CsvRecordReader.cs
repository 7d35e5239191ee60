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
/// What every CSV format shares: the header line, rows too long or not UTF-8, unclosed quotes, blank lines.
/// A format only maps the fields of a well-formed row to a record or to a problem (field and reason).
/// </summary>
internal abstract class CsvRecordReader<T> : IRowReader<T> where T : class
{
    protected CsvRecordReader(string file) => File = file;

    protected string File { get; }

    protected IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>The header line as read, kept with quarantined rows so that a fixed row can be read again.</summary>
    public string? HeaderLine { get; private set; }

    /// <summary>Data rows read so far (blank lines are not rows).</summary>
    public long Rows { get; private set; }

    public IEnumerable<ParsedRow<T>> Read(Stream stream)
    {
        using var lines = new LineReader(stream);
        ReadHeader(lines);
        var row = new CsvRow();
        while (lines.Next())
        {
            if (lines.Current.IsEmpty && !lines.TooLong) continue;
            Rows++;
            yield return ReadRow(lines, row);
        }
    }

    private ParsedRow<T> ReadRow(LineReader lines, CsvRow row)
    {
        var line = lines.Number;
        if (lines.TooLong)
            return Bad(lines, "(row)", $"is {lines.Length:N0} bytes long, over the limit of {LineReader.MaxLineBytes:N0} bytes for one row (only its start is kept)");
        if (FieldChecks.LineProblem(lines.Current) is { } problem) return Bad(lines, "(row)", problem);
        row.Parse(lines.Current);
        if (row.Error is not null) return Bad(lines, "(row)", row.Error);
        var record = ParseRow(line, row, out var field, out var reason);
        return record is not null ? ParsedRow<T>.Ok(line, record) : Bad(lines, field!, reason!);
    }

    private static ParsedRow<T> Bad(LineReader lines, string field, string reason) =>
        ParsedRow<T>.Bad(lines.Number, field, reason, CsvRow.Text(lines.Current));

    private void ReadHeader(LineReader lines)
    {
        if (!lines.Next()) throw new ImportFileException($"{File}: the file is empty (there is no header line).");
        if (lines.TooLong) throw new ImportFileException($"{File}: line 1 (header) is {lines.Length:N0} bytes long; this is not a CSV file HotSpots can read.");
        if (FieldChecks.LineProblem(lines.Current) is { } problem) throw new ImportFileException($"{File}: line 1 (header) {problem}.");
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

    protected ImportFileException MissingColumn(string name) => new(
        $"{File}: line 1 (header) has no column '{name}'. Columns found: {FieldChecks.Clip(string.Join(", ", Header), 300)}.");
}

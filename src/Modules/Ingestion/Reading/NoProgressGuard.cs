using HotSpots.Modules.Ingestion.Contracts;

namespace HotSpots.Modules.Ingestion.Reading;

/// <summary>
/// The content of one file (after decompression) as its reader reads it, given up when <see cref="LimitBytes"/> of it
/// have gone by without a record: a few megabytes of gzip can hold gigabytes of blank lines, which would keep an import
/// busy for minutes and yield nothing. The reader calls <see cref="Record"/> for every row it yields, good or bad.
/// </summary>
internal sealed class NoProgressGuard(Stream inner, long limitBytes, string file) : ForwardOnlyStream
{
    /// <summary>The setting that holds the limit, in MB (2^20 bytes).</summary>
    public const string SettingKey = "Ingestion:NoProgressMegabytes";

    public const int DefaultMegabytes = 16;

    private long _sinceRecord;
    private long _lastRecordLine;

    public long LimitBytes => limitBytes;

    /// <summary>A row came out of the file: the count starts again.</summary>
    public void Record(long line)
    {
        _sinceRecord = 0;
        _lastRecordLine = line;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_sinceRecord >= limitBytes) throw GiveUp();
        var read = inner.Read(buffer);
        _sinceRecord += read;
        return read;
    }

    private ImportFileException GiveUp()
    {
        var megabytes = Math.Max(1, limitBytes >> 20);
        var where = _lastRecordLine == 0 ? "from its start" : $"after line {_lastRecordLine:N0}, the last record read";
        return new ImportFileException(
            $"{file}: no record in {megabytes:N0} MB of its content ({where}), only blank lines; HotSpots stopped reading it" +
            (_lastRecordLine == 0 ? "" : "; the rows before were read") +
            $". If the file is right, raise the setting {SettingKey}.");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

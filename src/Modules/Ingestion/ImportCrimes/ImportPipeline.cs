using System.Threading.Channels;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.ImportUnitPositions;
using HotSpots.Modules.Ingestion.Reading;
using HotSpots.Modules.Ingestion.Storage;
using HotSpots.Platform;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>
/// The reading side of an import, on its own thread: files are decompressed, parsed and validated into batches
/// that a bounded channel hands to the writer, so reading one batch overlaps writing the one before and memory
/// holds at most a few batches whatever the size of the input. A file that yields no record in
/// <see cref="ImportLimits.NoProgressBytes"/> of its content is given up (<see cref="NoProgressGuard"/>).
/// </summary>
internal sealed class ImportPipeline(
    ImportRequest request, long importId, IReadOnlyList<ImportEntry> entries, IReadOnlyList<MappingProfile> profiles,
    ForceOptions force, IMetricProjection projection, Positions positions, DateTime nowUtc, ImportLimits limits)
{
    private const int MaxProblemsInReport = 1000;
    private readonly ByteCounter _bytes = new();
    private long _rows, _errors;

    /// <summary>Leaves police location feeds out (reading crime points for a backtest).</summary>
    public bool SkipFeeds { get; init; }

    public List<ImportProblem> Problems { get; } = [];
    public List<string> Notes { get; } = [];
    public int FailedFiles { get; private set; }

    public ChannelReader<ImportBatch> Start(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ImportBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        _ = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var entry in entries) ReadEntry(entry, channel.Writer, cancellationToken);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return channel.Reader;
    }

    private void ReadEntry(ImportEntry entry, ChannelWriter<ImportBatch> writer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        long lastLine = 0;
        var batch = NewBatch(entry);
        // Every message about the file names it and its size, never its content (ImportFiles.Label).
        var label = ImportFiles.Label(entry);
        try
        {
            var (format, profile) = Choose(entry);
            if (format == CrimeFileFormat.PoliceLocationFeed && SkipFeeds) return;
            using var stream = new NoProgressGuard(ImportFiles.Open(entry, _bytes), limits.NoProgressBytes, label);
            long rows;
            if (format == CrimeFileFormat.PoliceLocationFeed)
            {
                var reader = new UnitFeedReader(force.LocalToUtc, label);
                foreach (var row in reader.Read(stream))
                {
                    lastLine = row.Line;
                    stream.Record(row.Line);
                    if (row.Record is { } position) batch.Units.Add(position);
                    else Quarantine(batch, entry, row.Line, row.Field!, row.Reason!, row.RawText, format, null, reader.HeaderLine);
                    batch = AfterRow(batch, entry, writer, cancellationToken);
                }
                rows = reader.Rows;
            }
            else
            {
                var reader = CreateReader(format, profile, label);
                foreach (var row in reader.Read(stream))
                {
                    lastLine = row.Line;
                    stream.Record(row.Line);
                    if (row.Record is { } record)
                    {
                        positions.Apply(record);
                        batch.Records.Add(record);
                    }
                    else Quarantine(batch, entry, row.Line, row.Field!, row.Reason!, row.RawText, format, profile?.Name, reader.HeaderLine);
                    batch = AfterRow(batch, entry, writer, cancellationToken);
                }
                rows = reader.Rows;
            }
            if (rows == 0) Notes.Add($"{entry.Name}: holds a header but no rows.");
        }
        catch (ImportFileException e)
        {
            FileProblem(entry, Math.Max(lastLine, 1), e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // The system's message may hold the path the file is kept under (an upload's): the file's own name instead.
            var why = e is UnauthorizedAccessException ? "the server may not read it (permission denied)" : e.Message.Replace(entry.Path, entry.Name, StringComparison.Ordinal);
            FileProblem(entry, lastLine, lastLine > 0
                ? $"{label}: the file could not be read after line {lastLine} ({why}); the rows before it were read"
                : $"{label}: the file could not be read ({why})");
        }
        Send(batch, writer, cancellationToken);
    }

    private (CrimeFileFormat, MappingProfile?) Choose(ImportEntry entry)
    {
        if (request.Format == CrimeFileFormat.Auto) return ImportFiles.Detect(entry, profiles);
        if (request.Format != CrimeFileFormat.Profile) return (request.Format, null);
        var profile = profiles.FirstOrDefault(p => string.Equals(p.Name, request.Profile, StringComparison.OrdinalIgnoreCase))
            ?? throw new ImportFileException($"There is no mapping profile named '{request.Profile}' (saved: {string.Join(", ", profiles.Select(p => p.Name))}).");
        return (CrimeFileFormat.Profile, profile);
    }

    /// <param name="label">The file as messages name it: name and size.</param>
    private ICrimeRowReader CreateReader(CrimeFileFormat format, MappingProfile? profile, string label)
    {
        switch (format)
        {
            case CrimeFileFormat.PoliceUkStreet:
                return new PoliceUkStreetReader(force, label);
            case CrimeFileFormat.ForceRecordsJsonLines:
                return new ForceJsonLinesReader(ProfileRules.ForceRecords(force), projection, label);
            case CrimeFileFormat.ForceRecordsCsv or CrimeFileFormat.Profile:
                try { return new MappedCsvReader(profile is null ? ProfileRules.ForceRecords(force) : ProfileRules.From(profile, force), projection, label); }
                catch (ProfileException e) { throw new ImportFileException($"{label}: {e.Message}"); }
            default:
                throw new ImportFileException($"{label}: format {format} cannot be imported here.");
        }
    }

    private void Quarantine(ImportBatch batch, ImportEntry entry, long line, string field, string reason, string raw, CrimeFileFormat format, string? profile, string? header)
    {
        _errors++;
        var hash = new RowHash();
        hash.Add(raw);
        batch.Quarantine.Add(new QuarantinedRow
        {
            ImportId = importId, File = entry.Name, Line = line, Field = field, Reason = reason, RawText = FieldChecks.Clip(raw, 8000),
            RawHash = hash.Value, Format = format.ToString(), Profile = profile, Header = header, Status = QuarantineStatus.Open, CreatedUtc = nowUtc,
        });
        if (Problems.Count < MaxProblemsInReport) Problems.Add(new ImportProblem(entry.Name, line, field, reason));
    }

    private void FileProblem(ImportEntry entry, long line, string message)
    {
        FailedFiles++;
        Problems.Add(new ImportProblem(entry.Name, line, "(file)", message));
    }

    /// <summary>Counts the row and hands the batch to the writer when it is full.</summary>
    private ImportBatch AfterRow(ImportBatch batch, ImportEntry entry, ChannelWriter<ImportBatch> writer, CancellationToken cancellationToken)
    {
        _rows++;
        if (!batch.IsFull) return batch;
        Send(batch, writer, cancellationToken);
        return NewBatch(entry);
    }

    private void Send(ImportBatch batch, ChannelWriter<ImportBatch> writer, CancellationToken cancellationToken)
    {
        batch.RowsDone = _rows;
        batch.Errors = _errors;
        batch.BytesDone = _bytes.Bytes;
        while (!writer.TryWrite(batch))
            if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                throw new OperationCanceledException(cancellationToken);
    }

    private static ImportBatch NewBatch(ImportEntry entry) => new() { File = entry.Name };
}

internal static class QuarantineStatus
{
    public const string Open = "open";
    public const string Resubmitted = "resubmitted";
    public const string Dismissed = "dismissed";
}

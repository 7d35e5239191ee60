namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>One valid row of any format, ready to be written.</summary>
internal sealed record CrimeRecord
{
    public required string Source { get; init; }
    public required string SourceKey { get; init; }
    public required long ContentHash { get; init; }
    public string? Reference { get; init; }
    public required string Category { get; init; }
    public string? OffenceCode { get; init; }
    public required DateTime OccurredFromUtc { get; init; }
    public DateTime? OccurredToUtc { get; init; }
    public bool HasTimeOfDay { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Location { get; init; }
    public string? AreaCode { get; init; }
    public string? Outcome { get; init; }
    public IReadOnlyList<(string PersonId, string Role)> People { get; init; } = [];
}

/// <summary>What the reader made of one line: a record, or a problem that sends the line to quarantine.</summary>
internal readonly record struct RowResult(long Line, CrimeRecord? Record, string? Field, string? Reason, string RawText)
{
    public static RowResult Ok(long line, CrimeRecord record) => new(line, record, null, null, "");

    public static RowResult Bad(long line, string field, string reason, string raw) => new(line, null, field, reason, raw);
}

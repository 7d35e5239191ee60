namespace HotSpots.Modules.Ingestion.Contracts;

/// <summary>Which quarantined rows to list.</summary>
/// <param name="Status">open, resubmitted, dismissed, or null for all.</param>
public sealed record QuarantineQuery(long? ImportId = null, string? Status = "open", int Skip = 0, int Take = 50);

/// <summary>A row that was not imported, with what is needed to fix it and read it again.</summary>
public sealed record QuarantinedRowView(
    long Id,
    long ImportId,
    string File,
    long Line,
    string Field,
    string Reason,
    string RawText,
    string Format,
    string? Profile,
    string? Header,
    string Status,
    DateTime CreatedUtc,
    string? FixedText,
    string? ResolvedBy,
    DateTime? ResolvedUtc);

public sealed record QuarantinePage(IReadOnlyList<QuarantinedRowView> Rows, long Total);

/// <summary>The outcome of re-submitting a fixed row: imported, or still refused with the field and reason.</summary>
public sealed record ResubmitResult(bool Imported, string? Field = null, string? Reason = null);

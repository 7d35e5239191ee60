namespace HotSpots.Platform.Audit;

/// <summary>
/// The audit log (Data Protection Act 2018 s.62): who did what to which record, when, and why. Append only:
/// nothing in the app changes or deletes an entry.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries newest first, filtered by any of the query's fields.</summary>
    Task<IReadOnlyList<AuditRecordView>> SearchAsync(AuditQuery query, CancellationToken cancellationToken);
}

/// <param name="Actor">Who: the user's sign-in name, or "system" for jobs.</param>
/// <param name="Action">What was done, as a dotted verb: "person.view", "track.view", "trial.seal", "setting.change".</param>
/// <param name="Subject">Which record: "person P-000123", "patrol 42".</param>
/// <param name="Why">The justification the user gave, where one is asked for.</param>
/// <param name="Details">Anything else worth keeping (JSON or text).</param>
public sealed record AuditEntry(string Actor, string Action, string Subject, string? Why = null, string? Details = null);

public sealed record AuditRecordView(long Id, DateTime AtUtc, string Actor, string Action, string Subject, string? Why, string? Details);

/// <param name="Take">How many entries at most, newest first; never more than <see cref="MostEntries"/>.</param>
public sealed record AuditQuery(string? Actor = null, string? Action = null, string? Subject = null, DateTime? FromUtc = null, DateTime? ToUtc = null, int Take = 200)
{
    /// <summary>The most entries one search returns (and so one export holds).</summary>
    public const int MostEntries = 10_000;
}

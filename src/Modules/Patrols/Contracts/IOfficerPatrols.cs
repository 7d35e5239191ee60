namespace HotSpots.Modules.Patrols.Contracts;

/// <summary>
/// An officer's own patrols, as the phone and the officer's pages drive them: start, pings, activities, end, and the
/// officer's own list. Every call names the officer and acts only on that officer's patrols (another's is not found).
/// Pings and activities are idempotent by the phone's sequence number. For the web host's officer pages and API.
/// </summary>
public interface IOfficerPatrols
{
    /// <summary>Starts a patrol of a hot spot by an officer (Tasking is asked first). An officer's running patrol is ended first.</summary>
    Task<PatrolView> StartAsync(string officerId, long hotspotId, CancellationToken cancellationToken);

    /// <summary>A patrol, if it exists and belongs to the officer; null otherwise.</summary>
    Task<PatrolView?> GetAsync(long patrolId, string officerId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a batch of pings in one transaction, idempotently by (patrol, sequence), and answers only after the
    /// commit. Impossible pings are rejected one by one with a reason; the rest are kept.
    /// </summary>
    Task<PingBatchResult> RecordPingsAsync(long patrolId, string officerId, IReadOnlyList<PingInput> pings, CancellationToken cancellationToken);

    /// <summary>
    /// Records a stretch the page could not measure (hidden, frozen, closed, no fix), idempotently by sequence number; it
    /// counts as unobserved, neither inside nor outside. Throws <see cref="HotSpots.Platform.ValidationException"/> for a
    /// stretch that is not one (end before start, unknown reason, outside the patrol).
    /// </summary>
    Task RecordUnobservedAsync(long patrolId, string officerId, UnobservedInput stretch, CancellationToken cancellationToken);

    /// <summary>
    /// Records an activity entry during a patrol, idempotently by sequence number. The kind must be one of the force's
    /// (<c>ForceValues.ActivityKinds</c>); otherwise a <see cref="HotSpots.Platform.ValidationException"/> names them.
    /// </summary>
    Task LogActivityAsync(long patrolId, string officerId, ActivityInput activity, CancellationToken cancellationToken);

    /// <summary>
    /// Undoes the officer's own activity (by the phone's sequence number) within <see cref="ActivityUndo.Window"/> of when the
    /// server stored it, by the server's clock. The entry is kept, marked undone, and counted nowhere. Undoing it again is
    /// harmless. Throws <see cref="PatrolNotFoundException"/> for another officer's patrol, <see cref="ActivityNotFoundException"/>
    /// for no such entry, and <see cref="ActivityUndoRefusedException"/> (the entry stays) once the window has passed.
    /// Returns the patrol after the undo.
    /// </summary>
    Task<PatrolView> UndoActivityAsync(long patrolId, string officerId, long sequence, CancellationToken cancellationToken);

    /// <summary>Ends the patrol (at the phone's time when given, else now) and returns its summary.</summary>
    Task<PatrolView> EndAsync(long patrolId, string officerId, DateTime? endedUtc, CancellationToken cancellationToken);

    /// <summary>An officer's own patrols, newest first ("My patrols").</summary>
    Task<IReadOnlyList<PatrolView>> ListOwnPatrolsAsync(string officerId, int count, CancellationToken cancellationToken);
}

namespace HotSpots.Modules.Patrols.Contracts;

/// <summary>Patrol sessions, the pings that measure them, and what they add up to.</summary>
public interface IPatrolModule
{
    /// <summary>Starts a patrol of a hot spot by an officer. An officer's running patrol is ended first.</summary>
    Task<PatrolView> StartAsync(string officerId, long hotspotId, CancellationToken cancellationToken);

    /// <summary>A patrol, if it exists and belongs to the officer; null otherwise.</summary>
    Task<PatrolView?> GetAsync(long patrolId, string officerId, CancellationToken cancellationToken);

    /// <summary>Stores a batch of pings, idempotently by sequence number; answers only after the batch is committed.</summary>
    Task<PingBatchResult> RecordPingsAsync(long patrolId, string officerId, IReadOnlyList<PingInput> pings, CancellationToken cancellationToken);

    /// <summary>Records an activity entry during a patrol, idempotently by sequence number.</summary>
    Task LogActivityAsync(long patrolId, string officerId, ActivityInput activity, CancellationToken cancellationToken);

    /// <summary>Ends the patrol and returns its summary.</summary>
    Task<PatrolView> EndAsync(long patrolId, string officerId, CancellationToken cancellationToken);

    /// <summary>Patrols running now, for supervisors' live view.</summary>
    Task<IReadOnlyList<LivePatrol>> ListRunningAsync(CancellationToken cancellationToken);

    /// <summary>Minutes officers spent inside each spot by patrols that started in [from, to).</summary>
    Task<IReadOnlyList<SpotMinutes>> MinutesBySpotAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>Minutes in spots and patrols per officer, for patrols that started in [from, to).</summary>
    Task<IReadOnlyList<OfficerMinutes>> MinutesByOfficerAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}

/// <summary>A ping from the phone. The sequence number is the client's, so a batch sent twice is stored once.</summary>
public sealed record PingInput(long Sequence, DateTime TimeUtc, double Latitude, double Longitude, double? AccuracyMetres, double? SpeedMetresPerSecond);

public sealed record PingRejection(long Sequence, string Reason);

/// <summary>The acknowledgement of a batch: what was stored, and the patrol's state after it.</summary>
public sealed record PingBatchResult(int Accepted, int Duplicates, IReadOnlyList<PingRejection> Rejected, bool Inside, double MinutesInside);

public sealed record ActivityInput(long Sequence, DateTime TimeUtc, string Kind, string? Text);

public sealed record PatrolView(
    long Id, string OfficerId, long HotspotId, string HotspotName, DateTime StartedUtc, DateTime? EndedUtc,
    int Pings, double MinutesInside, bool Inside, int Activities)
{
    public bool Running => EndedUtc is null;
}

public sealed record SpotMinutes(long HotspotId, string HotspotName, double MinutesInside, int Patrols);

public sealed record OfficerMinutes(string OfficerId, double MinutesInside, int Patrols, int Activities);

/// <summary>The kinds of activity an officer can log in one tap.</summary>
public static class ActivityKinds
{
    public static readonly IReadOnlyList<string> All =
        ["Engagement", "Stop and account", "Stop and search", "Arrest", "Intelligence submitted", "Nothing to report"];
}

/// <summary>A running patrol and when its phone was last heard from (no position: supervisors see spots, not tracks).</summary>
public sealed record LivePatrol(PatrolView Patrol, DateTime? LastPingUtc);

/// <summary>Tasking refused the patrol (the spot is not tasked today, or has had its dose); the reason is for the officer.</summary>
public sealed class PatrolRefusedException(string reason) : InvalidOperationException(reason);

/// <summary>The patrol does not exist or is not the caller's.</summary>
public sealed class PatrolNotFoundException(long patrolId) : Exception($"Patrol {patrolId} was not found.");

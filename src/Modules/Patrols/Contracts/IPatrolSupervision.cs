namespace HotSpots.Modules.Patrols.Contracts;

/// <summary>
/// Who is patrolling and where they went, for supervisors: the patrols running now, the patrols of a supervisor's
/// team, and a patrol's track (which its own officer may see too). Changes no patrol; each view of another person's
/// track, and each refusal, is written to the audit log. For the web host's pages; no module may use it.
/// </summary>
public interface IPatrolSupervision
{
    /// <summary>Patrols running now, for supervisors' live view.</summary>
    Task<IReadOnlyList<LivePatrol>> ListRunningAsync(CancellationToken cancellationToken);

    /// <summary>The patrols that started in [from, to) of the officers in the supervisor's team, newest first.</summary>
    Task<IReadOnlyList<TeamPatrol>> ListTeamPatrolsAsync(string supervisorId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>
    /// A patrol's track: positions (until purged), visits, stops, stretches and activities. The officer sees their own;
    /// a supervisor sees their team's, and that view is recorded in the audit log. Throws
    /// <see cref="PatrolNotFoundException"/> or <see cref="TrackAccessDeniedException"/>.
    /// </summary>
    Task<PatrolTrack> GetTrackAsync(long patrolId, TrackViewer viewer, CancellationToken cancellationToken);
}

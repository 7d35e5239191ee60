namespace HotSpots.Modules.Patrols.Contracts;

/// <summary>
/// What patrols and the police location feed add up to, for reports and dashboards: dosage per spot and police day,
/// visits, activity entries, and minutes by spot and by officer. Reads only: nothing here changes a patrol, and no
/// position is given out. The only part of Patrols another module may use (the architecture tests hold this).
/// </summary>
public interface IPatrolPresence
{
    /// <summary>
    /// Dosage per spot and police day (<c>ForceOptions.PoliceDayStartUtc</c>) for the police days that overlap [from, to):
    /// from tasked patrols, or from the police location feed (baseline presence, every spot, kept apart).
    /// Spot-days without any visit have no row. Observed and unobserved minutes count in the police day the patrol started.
    /// </summary>
    Task<IReadOnlyList<SpotDayDosage>> GetDosageAsync(DateTime fromUtc, DateTime toUtc, PresenceSource source, CancellationToken cancellationToken);

    /// <summary>Visits that overlap [from, to), oldest first.</summary>
    Task<IReadOnlyList<VisitView>> ListVisitsAsync(DateTime fromUtc, DateTime toUtc, PresenceSource source, CancellationToken cancellationToken);

    /// <summary>Activity entries logged in [from, to), oldest first.</summary>
    Task<IReadOnlyList<ActivityView>> ListActivitiesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>Minutes officers spent inside each spot by patrols that started in [from, to).</summary>
    Task<IReadOnlyList<SpotMinutes>> MinutesBySpotAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>Minutes in spots, patrols, visits and activities per officer, for patrols that started in [from, to).</summary>
    Task<IReadOnlyList<OfficerMinutes>> MinutesByOfficerAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}

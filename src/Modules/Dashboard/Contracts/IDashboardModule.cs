using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;

namespace HotSpots.Modules.Dashboard.Contracts;

/// <summary>
/// Reporting across the modules, read only (apart from its own settings and the audit of what is viewed). Every read that
/// can name a hot spot takes the viewer's <see cref="TrialSight"/>: while a sealed trial runs, only those who evaluate see
/// its arms spot by spot.
/// </summary>
public interface IDashboardModule
{
    /// <summary>Top spots and today's minutes per spot only as <paramref name="sight"/> may see them named.</summary>
    Task<ManagerDashboard> GetManagerDashboardAsync(TrialSight sight, CancellationToken cancellationToken);

    /// <summary>
    /// The outcomes of every place-day of a trial so far, pseudonymised (spot codes, no names, no officers):
    /// arm, crimes, serious violence, harm, tasked officer-minutes and patrols. Audited.
    /// </summary>
    Task<string> TrialOutcomesCsvAsync(long trialId, string exportedBy, CancellationToken cancellationToken);

    /// <summary>
    /// Crimes by type, month, week, day-of-week × hour and place, for a filter. Answered from memory. The spots (list, map,
    /// filter) are those <paramref name="sight"/> may see named; a filter by another spot matches nothing.
    /// </summary>
    Task<CrimeExplorer> GetCrimesAsync(CrimeFilter filter, TrialSight sight, CancellationToken cancellationToken);

    /// <summary>The people linked to crimes in each published spot over the last <paramref name="months"/> months (pseudonyms only).</summary>
    Task<PeopleInSpots> GetPeopleInSpotsAsync(int months, CancellationToken cancellationToken);

    /// <summary>
    /// A person's history. Refused with <see cref="JustificationRequiredException"/> without a justification; otherwise
    /// who, what and why are written to the audit log before anything is returned.
    /// </summary>
    Task<PersonHistory> OpenPersonAsync(string personId, string viewer, string? justification, CancellationToken cancellationToken);

    /// <summary>
    /// Dose against target over police days [from, to] (default: the last 28 days up to today). While the trial it covers
    /// runs, a <paramref name="sight"/> other than <see cref="TrialSight.BySpot"/> gets no figures by spot and the control
    /// spots only in total.
    /// </summary>
    Task<ComplianceReport> GetComplianceAsync(DateOnly? from, DateOnly? to, TrialSight sight, CancellationToken cancellationToken);

    /// <summary>
    /// Presence in each control spot of a trial on its control days up to today, by spot (trial code and name): for the
    /// trial's evaluators, on the trial's page.
    /// </summary>
    Task<IReadOnlyList<ControlPresence>> GetTrialControlsAsync(long trialId, CancellationToken cancellationToken);

    /// <summary>
    /// Presence in every place-day of a sealed trial so far, by arm and by spot (trial code) and police day: the location
    /// feed's minutes, tasked minutes and their overlap. For the trial's evaluators, on the trial's page.
    /// </summary>
    Task<TrialPresence> GetTrialPresenceAsync(long trialId, CancellationToken cancellationToken);

    /// <summary>The same per spot-day as CSV (formula-safe; trial codes, no names, no officers); audited.</summary>
    Task<string> TrialPresenceCsvAsync(long trialId, string exportedBy, CancellationToken cancellationToken);

    /// <summary>
    /// An officer's own police week and the one before: minutes in spots (observed), visits, spots. Their place in their
    /// team only where the force lets officers see it (<see cref="DashboardSettings.OfficersSeeTheirPlace"/>); never
    /// another officer's name or figures.
    /// </summary>
    Task<MyWeek> GetMyWeekAsync(string officerId, CancellationToken cancellationToken);
    /// <summary>The flow of a trial's place-days so far (allocated, dosed, contaminated, baseline presence, lost): for its evaluators, on the trial's page.</summary>
    Task<TrialFlow> GetTrialFlowAsync(long trialId, CancellationToken cancellationToken);

    /// <summary>Impact; while the trial it compares runs, a <paramref name="sight"/> other than <see cref="TrialSight.BySpot"/> gets no figures by spot.</summary>
    Task<ImpactReport> GetImpactAsync(ImpactRequest request, TrialSight sight, CancellationToken cancellationToken);

    /// <summary>
    /// Simulated trials on the published spots (each spot's crimes per day over the set's training period), analysed as a real
    /// trial is: how often the intervals contain the true rate ratio, and how often the randomisation test rejects. Pure
    /// calculation on the published set; changes nothing.
    /// </summary>
    Task<TrialSimulationReport> SimulateTrialsAsync(TrialSimulationRequest request, CancellationToken cancellationToken);

    /// <summary>Leaderboards; <paramref name="viewerOfficerId"/> decides whose team's names are shown in full.</summary>
    Task<Leaderboards> GetLeaderboardsAsync(LeaderboardPeriod period, string? viewerOfficerId, CancellationToken cancellationToken);

    Task<DashboardSettings> GetSettingsAsync(CancellationToken cancellationToken);

    /// <summary>Changes the dashboard's run-time settings (audited).</summary>
    Task SetSettingsAsync(DashboardSettings settings, string changedBy, CancellationToken cancellationToken);

    /// <summary>The published spots <paramref name="sight"/> may see named, by rank.</summary>
    Task<IReadOnlyList<PublishedHotspot>> GetPublishedSpotsAsync(TrialSight sight, CancellationToken cancellationToken);

    /// <summary>A one-page patrol briefing of a published spot as PDF; null when there is no such spot, or <paramref name="sight"/> may not see it named.</summary>
    Task<byte[]?> BriefingPdfAsync(long hotspotId, TrialSight sight, CancellationToken cancellationToken);

    /// <summary>The monthly management report (compliance, impact, leaderboard, charts) of a calendar month as PDF, as <paramref name="sight"/> may see it.</summary>
    Task<byte[]> MonthlyReportPdfAsync(int year, int month, TrialSight sight, CancellationToken cancellationToken);

    /// <summary>An export as CSV (formula-safe) or GeoJSON; audited. Only spots <paramref name="sight"/> may see named, and the visits and activities in them.</summary>
    Task<string> ExportAsync(ExportRequest request, TrialSight sight, string exportedBy, CancellationToken cancellationToken);

    /// <summary>Rows of one of the OData feed's sets (<see cref="HotspotRow"/>, <see cref="VisitRow"/>, <see cref="ActivityRow"/>, <see cref="DosageRow"/>, <see cref="PresenceRow"/>, <see cref="ActivityCountRow"/>, <see cref="CrimeRow"/>); crimes produced lazily from memory.</summary>
    Task<IEnumerable<T>> GetFeedAsync<T>(CancellationToken cancellationToken) where T : class;
}

/// <param name="InterventionDay">Before and after are the <paramref name="WindowDays"/> before and from this day; default: the running or last trial's first day, else the published set's, else 8 weeks before the latest crime.</param>
public sealed record ImpactRequest(DateOnly? InterventionDay = null, int WindowDays = 56, bool SeriousViolenceOnly = true, double BufferMetres = 200);

/// <param name="ManagersSeePeople">Managers may open the people pages (analysts always may).</param>
/// <param name="InitialsOutsideTeam">Leaderboards show only initials for officers outside the viewer's own team.</param>
/// <param name="OfficersSeeTheirPlace">The officer leaderboard reaches officers: "My week" shows each their own place in their team (no one else's name or figures).</param>
public sealed record DashboardSettings(bool ManagersSeePeople, bool InitialsOutsideTeam, bool OfficersSeeTheirPlace = false)
{
    public static readonly DashboardSettings Default = new(false, true, false);
}

public enum ExportKind
{
    Hotspots,
    Visits,
    Activities,
}

public enum ExportFormat
{
    Csv,
    GeoJson,
}

/// <param name="From">First police day (visits and activities); default 28 days ago.</param>
public sealed record ExportRequest(ExportKind Kind, ExportFormat Format, DateOnly? From = null, DateOnly? To = null);

/// <summary>The manager's first view: crime trend, top spots, today's patrol minutes, the leaderboard, the week's activities by kind per team.</summary>
/// <param name="ActivitiesByTeam">Activities logged (not undone) since <paramref name="LeaderboardFromUtc"/>, by kind and team.</param>
public sealed record ManagerDashboard(
    Chart CrimeTrend,
    IReadOnlyList<PublishedHotspot> TopHotspots,
    IReadOnlyList<SpotMinutes> PatrolMinutesToday,
    DateTime PoliceDayStartUtc,
    IReadOnlyList<LeaderboardRow> Leaderboard,
    DateTime LeaderboardFromUtc,
    ActivityTable? ActivitiesByTeam = null);

/// <summary>A chart rendered by the server, with a text alternative and its data as a table.</summary>
public sealed record Chart(string Svg, string Description, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

public sealed record LeaderboardRow(int Rank, string Name, string? Team, double MinutesInside, int Patrols, int Activities);

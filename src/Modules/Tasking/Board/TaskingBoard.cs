using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Tasking.Data;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Revisions;
using HotSpots.Platform.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Tasking.Board;

/// <summary>
/// What tasking answers from memory: the spots that may be offered today (the published set, or the spots a
/// running trial froze, with their arms), today's doses, assignments and teams. A revisioned copy
/// (<see cref="RevisionedCache{TKey,T}"/>) keyed by the police day: every use reads the revisions of what it is built
/// from (the published set, sealed trials, assignments, Workforce's teams and officers, dose targets) in one small query, so that a
/// change committed on any node before the use began — a trial sealed, a set published — is on the board that answers
/// it. The minutes delivered today change with every ping and have no revision: the board is also built again when it
/// is older than <see cref="TaskingSettings.BoardSeconds"/>.
/// </summary>
internal sealed class TaskingBoard
{
    public const string DoseTargetKey = "Tasking:DoseTargets";

    private readonly IServiceScopeFactory _scopes;
    private readonly IHotspotSnapshot _published;
    private readonly ForceOptions _force;
    private readonly TaskingSettings _settings;
    private readonly TimeProvider _clock;
    private readonly RevisionedCache<DateOnly, BoardState> _board;

    public TaskingBoard(
        IServiceScopeFactory scopes, IHotspotSnapshot published, IRevisionReader revisions, ForceOptions force, TaskingSettings settings,
        TimeProvider clock)
    {
        (_scopes, _published, _force, _settings, _clock) = (scopes, published, force, settings, clock);
        _board = new RevisionedCache<DateOnly, BoardState>(revisions,
            [HotspotRevisions.Published, TaskingRevisions.Trials, TaskingRevisions.Assignments, WorkforceRevisions.People, TaskingRevisions.DoseTargets],
            BuildAsync, clock, TimeSpan.FromSeconds(settings.BoardSeconds));
    }

    /// <summary>Today's board, built again first when anything it was built from changed, or the police day turned.</summary>
    public Task<BoardState> CurrentAsync(CancellationToken cancellationToken) =>
        _board.GetAsync(_force.PoliceDay(_clock.GetUtcNow().UtcDateTime), cancellationToken);

    private async Task<BoardState> BuildAsync(DateOnly day, RevisionStamp stamp, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TaskingDbContext>();
        var dayStart = _force.PoliceDayStartUtc(day);
        // At least as new as the stamp: the snapshot reads the same revision again.
        var current = await _published.CurrentAsync(cancellationToken);

        var trial = await db.Trials.AsNoTracking().Include(t => t.Spots)
            .Where(t => t.SealedUtc != null && t.FirstDay <= day)
            .OrderByDescending(t => t.FirstDay)
            .FirstOrDefaultAsync(cancellationToken);
        if (trial is not null && trial.FirstDay.AddDays(trial.Days - 1) < day) trial = null;

        HotspotSnapshot spots;
        Dictionary<long, TrialArm>? arms = null;
        DoseTargets targets;
        if (trial is not null)
        {
            spots = await services.GetRequiredService<IHotspotModule>()
                .GetSnapshotAsync(trial.SetId, trial.Spots.Select(s => s.HotspotId).ToList(), cancellationToken);
            arms = await db.TrialPlaceDays.AsNoTracking().Where(p => p.TrialId == trial.Id && p.PoliceDay == day)
                .ToDictionaryAsync(p => p.HotspotId, p => p.Arm, cancellationToken);
            targets = new DoseTargets(trial.MinutesPerVisit, trial.VisitsPerDay, trial.DailyCapMinutes);
        }
        else
        {
            spots = current;
            targets = await services.GetRequiredService<ISettingsStore>().GetAsync(DoseTargetKey, _settings.Dose, cancellationToken);
        }

        var doses = services.GetService<IDoseSource>() is { } source
            ? (await source.DoseForDayAsync(dayStart, cancellationToken)).ToDictionary(d => d.HotspotId)
            : [];
        var workforce = services.GetRequiredService<IWorkforce>();
        var teamNames = (await workforce.ListTeamsAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Name);
        var assignments = (await db.Assignments.AsNoTracking().Where(a => a.PoliceDay == day).OrderBy(a => a.AssignedUtc).ToListAsync(cancellationToken))
            .Where(a => teamNames.ContainsKey(a.TeamId))
            .Select(a => new AssignmentView(a.Id, a.HotspotId, a.HotspotName, a.TeamId, teamNames[a.TeamId], a.Shift, a.AssignedBy, a.AssignedUtc))
            .ToList();
        var teams = (await workforce.ListOfficersAsync(cancellationToken)).Where(o => o.TeamId is not null)
            .ToDictionary(o => o.OfficerId, o => o.TeamId!.Value);

        return new BoardState(dayStart, day, spots, trial?.Name, arms, doses, targets, assignments, teams);
    }
}

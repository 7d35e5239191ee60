using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Tasking.Data;
using HotSpots.Platform;
using HotSpots.Platform.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Tasking.Board;

/// <summary>
/// What tasking answers from memory: the spots that may be offered today (the published set, or the spots a
/// running trial froze, with their arms), today's doses, assignments and teams. Rebuilt when it is older than
/// <see cref="TaskingSettings.BoardSeconds"/>, when the police day turns, when another set is published, or
/// when a supervisor or evaluator changes something.
/// </summary>
internal sealed class TaskingBoard(
    IServiceScopeFactory scopes, IHotspotSnapshot published, ForceOptions force, TaskingSettings settings, TimeProvider clock)
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile BoardState? _state;

    public void Invalidate() => _state = null;

    public async ValueTask<BoardState> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_state is { } state && Fresh(state, now)) return state;
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            if (_state is { } built && Fresh(built, now)) return built;
            _state = await BuildAsync(now, cancellationToken);
            return _state;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private bool Fresh(BoardState state, DateTime now) =>
        (now - state.BuiltUtc).TotalSeconds < settings.BoardSeconds
        && state.DayStartUtc == force.PoliceDayStartUtc(now)
        && state.PublishedSetId == published.Current.Set?.Id;

    private async Task<BoardState> BuildAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TaskingDbContext>();
        var day = force.PoliceDay(now);
        var dayStart = force.PoliceDayStartUtc(day);
        var current = published.Current;

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
            targets = await services.GetRequiredService<ISettingsStore>().GetAsync(DoseTargetKey, settings.Dose, cancellationToken);
        }

        var doses = services.GetService<IDoseSource>() is { } source
            ? (await source.DoseForDayAsync(dayStart, cancellationToken)).ToDictionary(d => d.HotspotId)
            : [];
        var assignments = await (from a in db.Assignments.AsNoTracking()
                                 join t in db.Teams.AsNoTracking() on a.TeamId equals t.Id
                                 where a.PoliceDay == day
                                 orderby a.AssignedUtc
                                 select new AssignmentView(a.Id, a.HotspotId, a.HotspotName, a.TeamId, t.Name, a.Shift, a.AssignedBy, a.AssignedUtc))
            .ToListAsync(cancellationToken);
        var teams = await db.Officers.AsNoTracking().Where(o => o.TeamId != null)
            .ToDictionaryAsync(o => o.Id, o => o.TeamId!.Value, cancellationToken);

        return new BoardState(now, dayStart, day, current.Set?.Id, spots, trial?.Name, arms, doses, targets, assignments, teams);
    }

    public const string DoseTargetKey = "Tasking:DoseTargets";
}

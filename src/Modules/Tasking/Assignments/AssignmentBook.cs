using HotSpots.Modules.Tasking.Board;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Tasking.Data;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Revisions;
using HotSpots.Platform.Settings;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Tasking.Assignments;

/// <summary>Supervisors' view of the day and their assignments of spots to teams and shifts; dose targets; the patrol check.</summary>
internal sealed class AssignmentBook(
    TaskingBoard board, TaskingDbContext db, IWorkforce workforce, TaskingSettings settings, ISettingsStore store, IAuditLog audit, ForceOptions force, TimeProvider clock)
{
    public async Task<TaskingDay> TodayAsync(CancellationToken cancellationToken)
    {
        var state = await board.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var local = force.UtcToLocal(now);
        var spots = state.Spots.Spots.Where(s => state.Treated(s.Id))
            .Select(s => new TaskedSpot(s, state.Need(s, now, local)))
            .OrderBy(s => s.Spot.Rank).ToList();
        return new TaskingDay(state.PoliceDay, state.DayStartUtc, force.ShiftAt(local.Hour).Name, force.Shifts.Select(s => new Shift(s.Name, s.StartHour, s.EndHour)).ToList(), state.TrialName,
            state.HiddenControlSpots, spots, state.Assignments, state.Targets);
    }

    public async Task<AssignmentView> AssignAsync(long hotspotId, long teamId, string shift, string assignedBy, CancellationToken cancellationToken)
    {
        var state = await board.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var local = force.UtcToLocal(now);
        if (state.Spots.Find(hotspotId) is not { } spot || !state.Treated(hotspotId))
            throw new ValidationException("That spot is not tasked today: only today's spots can be assigned.");
        if (state.Need(spot, now, local).Capped)
            throw new ValidationException($"{spot.Name} has had its dose today.");
        if (force.Shifts.All(s => s.Name != shift))
            throw new ValidationException($"'{shift}' is not a shift: {string.Join(", ", force.Shifts.Select(s => s.Name))}.");
        var team = (await workforce.ListTeamsAsync(cancellationToken)).FirstOrDefault(t => t.Id == teamId)
            ?? throw new ValidationException($"There is no team {teamId}.");
        if (team.Retired) throw new ValidationException($"Team {team.Name} is retired: it takes no new assignments.");
        var assignment = new Assignment
        {
            HotspotId = hotspotId, HotspotName = spot.Name, TeamId = teamId, PoliceDay = state.PoliceDay, Shift = shift,
            AssignedBy = assignedBy, AssignedUtc = now,
        };
        db.Assignments.Add(assignment);
        await db.SaveChangesAndRaiseAsync(TaskingRevisions.Assignments, cancellationToken);
        await audit.RecordAsync(new AuditEntry(assignedBy, "tasking.assign", $"spot {hotspotId} ({spot.Name})",
            Details: $"team {team.Name}, {shift} shift, police day {state.PoliceDay:yyyy-MM-dd}"), cancellationToken);
        return new AssignmentView(assignment.Id, hotspotId, spot.Name, teamId, team.Name, shift, assignedBy, now);
    }

    public async Task RemoveAsync(long assignmentId, string removedBy, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken)
            ?? throw new ValidationException($"There is no assignment {assignmentId}.");
        db.Assignments.Remove(assignment);
        await db.SaveChangesAndRaiseAsync(TaskingRevisions.Assignments, cancellationToken);
        await audit.RecordAsync(new AuditEntry(removedBy, "tasking.unassign", $"spot {assignment.HotspotId} ({assignment.HotspotName})",
            Details: $"team {assignment.TeamId}, {assignment.Shift} shift, police day {assignment.PoliceDay:yyyy-MM-dd}"), cancellationToken);
    }

    public async Task<PatrolPermission> CheckPatrolAsync(long hotspotId, CancellationToken cancellationToken)
    {
        var state = await board.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var local = force.UtcToLocal(now);
        if (state.Spots.Find(hotspotId) is not { } spot || !state.Treated(hotspotId))
            return new PatrolPermission(false, "That spot is not tasked today. Ask for a direction again from your home screen.");
        return state.Need(spot, now, local).Capped
            ? new PatrolPermission(false, $"{spot.Name} has had its patrol dose today. Ask for a direction to another spot.")
            : PatrolPermission.Yes;
    }

    public Task<DoseTargets> TargetsAsync(CancellationToken cancellationToken) =>
        store.GetAsync(TaskingBoard.DoseTargetKey, settings.Dose, cancellationToken);

    public async Task SetTargetsAsync(DoseTargets targets, string changedBy, CancellationToken cancellationToken)
    {
        if (targets.Problem() is { } problem) throw new ValidationException(problem);
        // The settings store raises the setting's revision (TaskingRevisions.DoseTargets), which the board depends on.
        await store.SetAsync(TaskingBoard.DoseTargetKey, targets, changedBy, cancellationToken);
    }
}

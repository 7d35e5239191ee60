using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Patrols.Sessions;

internal sealed class PatrolSessions(
    PatrolsDbContext db, IHotspotModule hotspots, ITaskingModule tasking, PatrolEnding ending, PatrolObservation observation, ForceOptions force, TimeProvider clock)
{
    public async Task<PatrolView> StartAsync(string officerId, long hotspotId, CancellationToken cancellationToken)
    {
        var permission = await tasking.CheckPatrolAsync(officerId, hotspotId, cancellationToken);
        if (!permission.Allowed) throw new PatrolRefusedException(permission.Reason!);
        return await CreateAsync(officerId, hotspotId, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>A patrol that began in the past (the demo's history): no tasking check, since today's board says nothing of then.</summary>
    public async Task<PatrolView> StartPastAsync(string officerId, long hotspotId, DateTime startedUtc, CancellationToken cancellationToken)
    {
        if (startedUtc > clock.GetUtcNow().UtcDateTime) throw new ArgumentException("A past patrol cannot start in the future.", nameof(startedUtc));
        return await CreateAsync(officerId, hotspotId, startedUtc, cancellationToken);
    }

    private async Task<PatrolView> CreateAsync(string officerId, long hotspotId, DateTime startedUtc, CancellationToken cancellationToken)
    {
        var detail = await hotspots.GetHotspotAsync(hotspotId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no hot spot {hotspotId}.");
        var running = await db.Patrols.AsNoTracking().Where(p => p.OfficerId == officerId && p.EndedUtc == null).Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var id in running)
            await ending.EndAsync(id, officerId, null, PatrolEnding.Replaced, cancellationToken);
        var patrol = new PatrolSession
        {
            OfficerId = officerId,
            HotspotId = hotspotId,
            SetId = detail.Spot.SetId,
            HotspotName = detail.Spot.Name,
            PolygonWkb = detail.ProjectedPolygonWkb,
            StartedUtc = startedUtc,
        };
        db.Patrols.Add(patrol);
        await db.SaveChangesAsync(cancellationToken);
        return View(patrol);
    }

    public async Task<PatrolView?> GetAsync(long patrolId, string officerId, CancellationToken cancellationToken)
    {
        var patrol = await db.Patrols.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patrolId && p.OfficerId == officerId, cancellationToken);
        return patrol is null ? null : await observation.LiveAsync(View(patrol), cancellationToken);
    }

    public async Task<PatrolView> EndAsync(long patrolId, string officerId, DateTime? endedUtc, CancellationToken cancellationToken)
    {
        await ending.EndAsync(patrolId, officerId, endedUtc, PatrolEnding.ByOfficer, cancellationToken);
        return await GetAsync(patrolId, officerId, cancellationToken) ?? throw new PatrolNotFoundException(patrolId);
    }

    public async Task LogActivityAsync(long patrolId, string officerId, ActivityInput input, CancellationToken cancellationToken)
    {
        var kinds = force.Values.ActivityKinds;
        var kind = kinds.FirstOrDefault(k => k.Equals(input.Kind?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ValidationException($"Activity kind '{input.Kind}' is not one of: {string.Join(", ", kinds)} (the force's kinds, set on the set-up page).");
        if (input.Text is { Length: > 2000 })
            throw new ValidationException("Activity text is longer than 2000 characters.");
        var patrol = await db.Patrols.SingleOrDefaultAsync(p => p.Id == patrolId && p.OfficerId == officerId, cancellationToken)
            ?? throw new PatrolNotFoundException(patrolId);
        if (input.TimeUtc > clock.GetUtcNow().UtcDateTime.AddMinutes(5) || input.TimeUtc < patrol.StartedUtc.AddMinutes(-1))
            throw new ValidationException("Activity time is outside the patrol.");
        if (await db.Activities.AnyAsync(a => a.PatrolId == patrolId && a.Sequence == input.Sequence, cancellationToken)) return;
        db.Activities.Add(new Activity
        {
            PatrolId = patrolId, Sequence = input.Sequence, TimeUtc = input.TimeUtc,
            Kind = kind, Text = input.Text, LoggedUtc = clock.GetUtcNow().UtcDateTime,
        });
        patrol.ActivityCount++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same entry sent twice at once (a retry) is stored by the other request; anything else is a real failure.
            db.ChangeTracker.Clear();
            if (!await db.Activities.AsNoTracking().AnyAsync(a => a.PatrolId == patrolId && a.Sequence == input.Sequence, cancellationToken)) throw;
        }
    }

    public async Task<PatrolView> UndoActivityAsync(long patrolId, string officerId, long sequence, CancellationToken cancellationToken)
    {
        var patrol = await db.Patrols.SingleOrDefaultAsync(p => p.Id == patrolId && p.OfficerId == officerId, cancellationToken)
            ?? throw new PatrolNotFoundException(patrolId);
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.PatrolId == patrolId && a.Sequence == sequence, cancellationToken)
            ?? throw new ActivityNotFoundException(patrolId, sequence);
        if (activity.UndoneUtc is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (activity.LoggedUtc is not { } logged || now - logged > ActivityUndo.Window)
                throw new ActivityUndoRefusedException(
                    $"'{activity.Kind}' was logged more than {ActivityUndo.Window.TotalMinutes:0} minutes ago" +
                    (activity.LoggedUtc is { } at ? $" (at {force.UtcToLocal(at):HH:mm:ss})" : "") +
                    ", so it can no longer be undone: it stays in the record. Tell your supervisor if it was a mistake.");
            activity.UndoneUtc = now;
            patrol.ActivityCount = Math.Max(0, patrol.ActivityCount - 1);
            await db.SaveChangesAsync(cancellationToken);
        }
        return await GetAsync(patrolId, officerId, cancellationToken) ?? throw new PatrolNotFoundException(patrolId);
    }

    public static PatrolView View(PatrolSession p) => new(
        p.Id, p.OfficerId, p.HotspotId, p.HotspotName, p.StartedUtc, p.EndedUtc, p.PingCount, p.MinutesInside, p.LastInside, p.ActivityCount,
        p.VisitCount, p.KoperVisitCount, p.StopCount, p.FootMinutes, p.VehicleMinutes, p.EndReason, p.ObservedSeconds, p.UnobservedSeconds);
}

using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Tasking.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Patrols.Sessions;

internal sealed class PatrolSessions(PatrolsDbContext db, IHotspotModule hotspots, ITaskingModule tasking, TimeProvider clock)
{
    public async Task<PatrolView> StartAsync(string officerId, long hotspotId, CancellationToken cancellationToken)
    {
        var permission = await tasking.CheckPatrolAsync(officerId, hotspotId, cancellationToken);
        if (!permission.Allowed) throw new PatrolRefusedException(permission.Reason!);
        var detail = await hotspots.GetHotspotAsync(hotspotId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no hot spot {hotspotId}.");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var running in await db.Patrols.Where(p => p.OfficerId == officerId && p.EndedUtc == null).ToListAsync(cancellationToken))
            running.EndedUtc = now;
        var patrol = new PatrolSession
        {
            OfficerId = officerId,
            HotspotId = hotspotId,
            SetId = detail.Spot.SetId,
            HotspotName = detail.Spot.Name,
            PolygonWkb = detail.ProjectedPolygonWkb,
            StartedUtc = now,
        };
        db.Patrols.Add(patrol);
        await db.SaveChangesAsync(cancellationToken);
        return View(patrol);
    }

    public async Task<PatrolView?> GetAsync(long patrolId, string officerId, CancellationToken cancellationToken)
    {
        var patrol = await db.Patrols.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patrolId && p.OfficerId == officerId, cancellationToken);
        return patrol is null ? null : View(patrol);
    }

    public async Task<PatrolView> EndAsync(long patrolId, string officerId, CancellationToken cancellationToken)
    {
        var patrol = await db.Patrols.SingleOrDefaultAsync(p => p.Id == patrolId && p.OfficerId == officerId, cancellationToken)
            ?? throw new PatrolNotFoundException(patrolId);
        patrol.EndedUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return View(patrol);
    }

    public async Task LogActivityAsync(long patrolId, string officerId, ActivityInput input, CancellationToken cancellationToken)
    {
        if (!ActivityKinds.All.Contains(input.Kind, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"Activity kind '{input.Kind}' is not one of: {string.Join(", ", ActivityKinds.All)}.");
        if (input.Text is { Length: > 2000 })
            throw new ArgumentException("Activity text is longer than 2000 characters.");
        var patrol = await db.Patrols.SingleOrDefaultAsync(p => p.Id == patrolId && p.OfficerId == officerId, cancellationToken)
            ?? throw new PatrolNotFoundException(patrolId);
        if (await db.Activities.AnyAsync(a => a.PatrolId == patrolId && a.Sequence == input.Sequence, cancellationToken)) return;
        db.Activities.Add(new Activity
        {
            PatrolId = patrolId, Sequence = input.Sequence, TimeUtc = input.TimeUtc,
            Kind = ActivityKinds.All.First(k => k.Equals(input.Kind, StringComparison.OrdinalIgnoreCase)), Text = input.Text,
        });
        patrol.ActivityCount++;
        await db.SaveChangesAsync(cancellationToken);
    }

    public static PatrolView View(PatrolSession p) => new(
        p.Id, p.OfficerId, p.HotspotId, p.HotspotName, p.StartedUtc, p.EndedUtc, p.PingCount, p.MinutesInside, p.LastInside, p.ActivityCount);
}

using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Sessions;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Patrols.Reports;

internal sealed class PatrolReports(PatrolsDbContext db)
{
    public async Task<IReadOnlyList<SpotMinutes>> BySpotAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var rows = await db.Patrols.AsNoTracking()
            .Where(p => p.StartedUtc >= fromUtc && p.StartedUtc < toUtc)
            .GroupBy(p => new { p.HotspotId, p.HotspotName })
            .Select(g => new { g.Key.HotspotId, g.Key.HotspotName, Minutes = g.Sum(p => p.MinutesInside), Patrols = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new SpotMinutes(r.HotspotId, r.HotspotName, r.Minutes, r.Patrols))
            .OrderByDescending(r => r.MinutesInside).ToList();
    }

    public async Task<IReadOnlyList<LivePatrol>> RunningAsync(CancellationToken cancellationToken)
    {
        var running = await db.Patrols.AsNoTracking().Where(p => p.EndedUtc == null).ToListAsync(cancellationToken);
        var ids = running.Select(p => p.Id).ToList();
        var last = await db.Pings.AsNoTracking().Where(p => ids.Contains(p.PatrolId))
            .GroupBy(p => p.PatrolId)
            .Select(g => new { PatrolId = g.Key, Last = g.Max(p => p.TimeUtc) })
            .ToDictionaryAsync(p => p.PatrolId, p => p.Last, cancellationToken);
        return running.OrderBy(p => p.StartedUtc)
            .Select(p => new LivePatrol(PatrolSessions.View(p), last.TryGetValue(p.Id, out var seen) ? seen : null))
            .ToList();
    }

    public async Task<IReadOnlyList<OfficerMinutes>> ByOfficerAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var rows = await db.Patrols.AsNoTracking()
            .Where(p => p.StartedUtc >= fromUtc && p.StartedUtc < toUtc)
            .GroupBy(p => p.OfficerId)
            .Select(g => new { OfficerId = g.Key, Minutes = g.Sum(p => p.MinutesInside), Patrols = g.Count(), Activities = g.Sum(p => p.ActivityCount) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new OfficerMinutes(r.OfficerId, r.Minutes, r.Patrols, r.Activities))
            .OrderByDescending(r => r.MinutesInside).ToList();
    }
}

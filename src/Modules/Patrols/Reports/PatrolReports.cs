using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
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

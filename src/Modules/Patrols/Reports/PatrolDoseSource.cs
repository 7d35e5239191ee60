using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Tasking.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Patrols.Reports;

/// <summary>Tells tasking the dose each spot has had in a police day: minutes inside by tasked patrols, patrols, last time inside.</summary>
internal sealed class PatrolDoseSource(PatrolsDbContext db) : IDoseSource
{
    public async Task<IReadOnlyList<SpotDose>> DoseForDayAsync(DateTime dayStartUtc, CancellationToken cancellationToken)
    {
        var dayEnd = dayStartUtc.AddDays(1);
        var patrols = await db.Patrols.AsNoTracking()
            .Where(p => p.StartedUtc >= dayStartUtc && p.StartedUtc < dayEnd)
            .GroupBy(p => p.HotspotId)
            .Select(g => new { HotspotId = g.Key, Minutes = g.Sum(p => p.MinutesInside), Patrols = g.Count() })
            .ToListAsync(cancellationToken);
        var lastInside = await (from ping in db.Pings.AsNoTracking()
                                join patrol in db.Patrols.AsNoTracking() on ping.PatrolId equals patrol.Id
                                where ping.Inside && patrol.StartedUtc >= dayStartUtc && patrol.StartedUtc < dayEnd
                                group ping by patrol.HotspotId into g
                                select new { HotspotId = g.Key, Last = g.Max(p => p.TimeUtc) })
            .ToDictionaryAsync(x => x.HotspotId, x => x.Last, cancellationToken);
        return patrols.Select(p => new SpotDose(p.HotspotId, p.Minutes, p.Patrols, lastInside.TryGetValue(p.HotspotId, out var last) ? last : null)).ToList();
    }
}

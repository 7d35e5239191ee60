using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Tasking.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Patrols.Reports;

/// <summary>
/// Tells tasking the dose each spot has had in a police day, from the visits derived from tasked patrols' pings:
/// officer-minutes inside within the day, visits begun in it, and when an officer was last inside.
/// </summary>
internal sealed class PatrolDoseSource(PatrolsDbContext db) : IDoseSource
{
    public async Task<IReadOnlyList<SpotDose>> DoseForDayAsync(DateTime dayStartUtc, CancellationToken cancellationToken)
    {
        var dayEnd = dayStartUtc.AddDays(1);
        var earliest = dayStartUtc.AddDays(-1);
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.Source == (int)PresenceSource.Patrols && v.EnteredUtc >= earliest && v.EnteredUtc < dayEnd && v.ExitedUtc > dayStartUtc)
            .Select(v => new { v.HotspotId, v.EnteredUtc, v.ExitedUtc })
            .ToListAsync(cancellationToken);
        return visits.GroupBy(v => v.HotspotId)
            .Select(g => new SpotDose(
                g.Key,
                g.Sum(v => ((v.ExitedUtc < dayEnd ? v.ExitedUtc : dayEnd) - (v.EnteredUtc > dayStartUtc ? v.EnteredUtc : dayStartUtc)).TotalMinutes),
                g.Count(v => v.EnteredUtc >= dayStartUtc),
                g.Max(v => v.ExitedUtc < dayEnd ? v.ExitedUtc : dayEnd)))
            .ToList();
    }
}

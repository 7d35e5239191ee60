using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Sessions;
using HotSpots.Platform;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Patrols.Reports;

internal sealed class PatrolReports(PatrolsDbContext db, PatrolSettings settings, ForceOptions force, TimeProvider clock, PatrolObservation observation)
{
    /// <summary>Visits are never longer than this, so a visit overlapping a range began at most this long before it (index-friendly).</summary>
    private static readonly TimeSpan LongestVisit = TimeSpan.FromDays(1);

    public async Task<IReadOnlyList<SpotMinutes>> BySpotAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var rows = await db.Patrols.AsNoTracking()
            .Where(p => p.StartedUtc >= fromUtc && p.StartedUtc < toUtc)
            .GroupBy(p => new { p.HotspotId, p.HotspotName })
            .Select(g => new
            {
                g.Key.HotspotId, g.Key.HotspotName, Minutes = g.Sum(p => p.MinutesInside), Patrols = g.Count(),
                Observed = g.Sum(p => p.ObservedSeconds), Unobserved = g.Sum(p => p.UnobservedSeconds),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new SpotMinutes(r.HotspotId, r.HotspotName, r.Minutes, r.Patrols, r.Observed / 60, r.Unobserved / 60))
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
        var now = clock.GetUtcNow().UtcDateTime;
        var live = new List<LivePatrol>(running.Count);
        foreach (var p in running.OrderBy(p => p.StartedUtc))
        {
            DateTime? seen = last.TryGetValue(p.Id, out var at) ? at : null;
            var quiet = (now - (seen ?? p.StartedUtc)).TotalSeconds > settings.MaxGapSeconds;
            live.Add(new LivePatrol(await observation.LiveAsync(PatrolSessions.View(p), cancellationToken), seen, quiet));
        }
        return live;
    }

    public async Task<IReadOnlyList<OfficerMinutes>> ByOfficerAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var rows = await db.Patrols.AsNoTracking()
            .Where(p => p.StartedUtc >= fromUtc && p.StartedUtc < toUtc)
            .GroupBy(p => p.OfficerId)
            .Select(g => new
            {
                OfficerId = g.Key, Minutes = g.Sum(p => p.MinutesInside), Patrols = g.Count(), Activities = g.Sum(p => p.ActivityCount),
                Visits = g.Sum(p => p.VisitCount), Koper = g.Sum(p => p.KoperVisitCount),
                Observed = g.Sum(p => p.ObservedSeconds), Unobserved = g.Sum(p => p.UnobservedSeconds),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new OfficerMinutes(r.OfficerId, r.Minutes, r.Patrols, r.Activities, r.Visits, r.Koper, r.Observed / 60, r.Unobserved / 60))
            .OrderByDescending(r => r.MinutesInside).ToList();
    }

    public async Task<IReadOnlyList<SpotDayDosage>> DosageAsync(DateTime fromUtc, DateTime toUtc, PresenceSource source, CancellationToken cancellationToken)
    {
        var days = DosageCalculator.PoliceDays(fromUtc, toUtc, force);
        if (days.Count == 0) return [];
        var visits = await VisitsAsync(days[0].Start, days[^1].End, source, cancellationToken);
        var (first, last) = (days[0].Start, days[^1].End);
        var patrols = source != PresenceSource.Patrols ? [] : await db.Patrols.AsNoTracking()
            .Where(p => p.StartedUtc >= first && p.StartedUtc < last)
            .Select(p => new PatrolMeasure(p.HotspotId, p.StartedUtc, p.ObservedSeconds, p.UnobservedSeconds))
            .ToListAsync(cancellationToken);
        return DosageCalculator.PerSpotAndDay(visits, fromUtc, toUtc, clock.GetUtcNow().UtcDateTime, force, source, patrols);
    }

    public async Task<IReadOnlyList<VisitView>> VisitsAsync(DateTime fromUtc, DateTime toUtc, PresenceSource source, CancellationToken cancellationToken)
    {
        var earliest = fromUtc - LongestVisit;
        var rows = await db.Visits.AsNoTracking()
            .Where(v => v.Source == (int)source && v.EnteredUtc >= earliest && v.EnteredUtc < toUtc && v.ExitedUtc > fromUtc)
            .OrderBy(v => v.EnteredUtc)
            .ToListAsync(cancellationToken);
        return rows.Select(View).ToList();
    }

    public async Task<IReadOnlyList<ActivityView>> ActivitiesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        await (from a in db.Activities.AsNoTracking()
               join p in db.Patrols.AsNoTracking() on a.PatrolId equals p.Id
               where a.TimeUtc >= fromUtc && a.TimeUtc < toUtc && a.UndoneUtc == null
               orderby a.TimeUtc
               select new ActivityView(a.PatrolId, p.OfficerId, p.HotspotId, a.TimeUtc, a.Kind, a.Text))
            .ToListAsync(cancellationToken);

    public VisitView View(Visit v) => new(
        v.Id, (PresenceSource)v.Source, v.PatrolId, v.SubjectId, v.HotspotId, v.EnteredUtc, v.ExitedUtc,
        v.Seconds / 60, (Movement)v.Mode, settings.IsKoper(v.Seconds), v.Open);
}

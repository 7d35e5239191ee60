using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Sessions;
using HotSpots.Modules.Patrols.Tracks;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Geography;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace HotSpots.Modules.Patrols.Reports;

/// <summary>
/// Who may see which patrols: an officer their own; a supervisor the officers of their own team (teams come from
/// Workforce). Every view of another person's track is written to the audit log.
/// </summary>
internal sealed class TrackViews(
    PatrolsDbContext db, IWorkforce workforce, IAuditLog audit, IMetricProjection projection, PatrolReports reports, PatrolObservation observation)
{
    public async Task<IReadOnlyList<PatrolView>> OwnAsync(string officerId, int count, CancellationToken cancellationToken)
    {
        var patrols = await db.Patrols.AsNoTracking().Where(p => p.OfficerId == officerId)
            .OrderByDescending(p => p.StartedUtc).Take(Math.Clamp(count, 1, 500)).ToListAsync(cancellationToken);
        return await observation.LiveAsync(patrols.Select(PatrolSessions.View).ToList(), cancellationToken);
    }

    public async Task<IReadOnlyList<TeamPatrol>> TeamAsync(string supervisorId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var team = await TeamOfAsync(supervisorId, cancellationToken);
        if (team.Count == 0) return [];
        var ids = team.Keys.ToList();
        var patrols = await db.Patrols.AsNoTracking()
            .Where(p => ids.Contains(p.OfficerId) && p.StartedUtc >= fromUtc && p.StartedUtc < toUtc)
            .OrderByDescending(p => p.StartedUtc).Take(1000).ToListAsync(cancellationToken);
        var views = await observation.LiveAsync(patrols.Select(PatrolSessions.View).ToList(), cancellationToken);
        return views.Select(p => new TeamPatrol(p, team[p.OfficerId].DisplayName, team[p.OfficerId].TeamName)).ToList();
    }

    public async Task<PatrolTrack> TrackAsync(long patrolId, TrackViewer viewer, CancellationToken cancellationToken)
    {
        var patrol = await db.Patrols.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patrolId, cancellationToken)
            ?? throw new PatrolNotFoundException(patrolId);
        var officers = await workforce.ListOfficersAsync(cancellationToken);
        var owner = officers.FirstOrDefault(o => o.OfficerId == patrol.OfficerId);
        var ownerName = owner?.DisplayName ?? "an officer";
        if (patrol.OfficerId != viewer.UserId)
        {
            var own = officers.FirstOrDefault(o => o.OfficerId == viewer.UserId);
            var sameTeam = viewer.IsSupervisor && own?.TeamId is { } teamId && owner?.TeamId == teamId;
            if (!sameTeam)
            {
                await audit.RecordAsync(new AuditEntry(viewer.SignInName, "track.view-refused", $"patrol {patrolId}",
                    Details: $"officer {ownerName} is not in the viewer's team"), cancellationToken);
                throw new TrackAccessDeniedException(patrolId);
            }
            await audit.RecordAsync(new AuditEntry(viewer.SignInName, "track.view", $"patrol {patrolId}",
                Why: $"supervisor of team {own!.TeamName}", Details: $"track of {ownerName}, started {patrol.StartedUtc:u}"), cancellationToken);
        }

        var positions = await db.Pings.AsNoTracking().Where(p => p.PatrolId == patrolId).OrderBy(p => p.TimeUtc)
            .Select(p => new TrackPosition(p.TimeUtc, p.Latitude, p.Longitude, p.AccuracyMetres, p.Inside)).ToListAsync(cancellationToken);
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatrolId == patrolId).OrderBy(v => v.Ordinal).ToListAsync(cancellationToken);
        var stops = await db.Stops.AsNoTracking().Where(s => s.PatrolId == patrolId).OrderBy(s => s.Ordinal).ToListAsync(cancellationToken);
        var stretches = await db.Stretches.AsNoTracking().Where(s => s.PatrolId == patrolId).OrderBy(s => s.Ordinal).ToListAsync(cancellationToken);
        var activities = await db.Activities.AsNoTracking().Where(a => a.PatrolId == patrolId && a.UndoneUtc == null).OrderBy(a => a.TimeUtc)
            .Select(a => new ActivityView(a.PatrolId, patrol.OfficerId, patrol.HotspotId, a.TimeUtc, a.Kind, a.Text)).ToListAsync(cancellationToken);

        return new PatrolTrack(
            await observation.LiveAsync(PatrolSessions.View(patrol), cancellationToken), ownerName, positions, patrol.PingsPurgedUtc is not null,
            visits.Select(reports.View).ToList(),
            stops.Select(s =>
            {
                var at = projection.Unproject(s.X, s.Y);
                return new StopView(s.StartUtc, s.EndUtc, at.Latitude, at.Longitude, s.InSpot, (s.EndUtc - s.StartUtc).TotalMinutes);
            }).ToList(),
            stretches.Select(s => new StretchView(s.StartUtc, s.EndUtc, (Movement)s.Mode, (s.EndUtc - s.StartUtc).TotalMinutes)).ToList(),
            activities, Outline(patrol.PolygonWkb));
    }

    private IReadOnlyList<GeoPoint> Outline(byte[] wkb)
    {
        var shape = SpotShape.FromWkb(wkb).Polygon;
        var ring = shape is Polygon polygon ? polygon.ExteriorRing.Coordinates : shape.Coordinates;
        return ring.Select(c => projection.Unproject(c.X, c.Y)).Select(g => new GeoPoint(Math.Round(g.Latitude, 6), Math.Round(g.Longitude, 6))).ToList();
    }

    private async Task<Dictionary<string, OfficerView>> TeamOfAsync(string supervisorId, CancellationToken cancellationToken)
    {
        var officers = await workforce.ListOfficersAsync(cancellationToken);
        var teamId = officers.FirstOrDefault(o => o.OfficerId == supervisorId)?.TeamId;
        return teamId is null ? [] : officers.Where(o => o.TeamId == teamId).ToDictionary(o => o.OfficerId);
    }
}

using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Reports;
using HotSpots.Modules.Patrols.Store;
using HotSpots.Modules.Patrols.Tracks;
using HotSpots.Platform;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace HotSpots.Modules.Patrols.Jobs;

internal sealed record BaselineRun(int Days, int Positions, int Units, int Spots, int Visits);

/// <summary>
/// Baseline presence: visits derived, the same way as patrols', from the police location feed (every unit, not only
/// tasked patrols), in every published spot — treatment and control alike — stored apart from patrol visits.
/// Each run re-derives whole police days, so feed files imported late are counted.
/// </summary>
internal sealed class BaselinePresenceJob(
    PatrolsDbContext db, TrackWriter writer, IIngestedData ingestion, IHotspotSnapshot snapshot, IHotspotModule hotspots,
    PatrolSettings settings, ForceOptions force, TimeProvider clock)
{
    public const string Id = "derive-baseline-presence";

    /// <summary>Positions this long either side of a day are read too, so that visits crossing its start or end are whole.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromHours(2);

    public Task<BaselineRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return DeriveAsync(force.PoliceDayStartUtc(now).AddDays(-settings.BaselineLookbackDays), now, cancellationToken);
    }

    /// <summary>Re-derives the feed visits of every police day that overlaps [from, to).</summary>
    public async Task<BaselineRun> DeriveAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var spots = new List<(long Id, SpotShape Shape, Envelope Near)>();
        foreach (var spot in snapshot.Current.Spots)
        {
            if (await hotspots.GetHotspotAsync(spot.Id, cancellationToken) is not { } detail) continue;
            var shape = SpotShape.FromWkb(detail.ProjectedPolygonWkb);
            var near = new Envelope(shape.Polygon.EnvelopeInternal);
            near.ExpandBy(settings.ExitBufferMetres + 1);
            spots.Add((spot.Id, shape, near));
        }
        int positions = 0, visits = 0;
        var units = new HashSet<string>();
        var days = DosageCalculator.PoliceDays(fromUtc, toUtc, force);
        foreach (var (dayStart, dayEnd) in days)
        {
            var feed = await ingestion.GetUnitPositionsAsync(dayStart - Margin, dayEnd + Margin, cancellationToken);
            positions += feed.Count(p => p.TimeUtc >= dayStart && p.TimeUtc < dayEnd);
            var found = new List<Visit>();
            foreach (var unit in feed.GroupBy(p => p.UnitId))
            {
                units.Add(unit.Key);
                found.AddRange(UnitVisits(unit.Key, unit.OrderBy(p => p.TimeUtc).ToList(), spots)
                    .Where(v => v.EnteredUtc >= dayStart && v.EnteredUtc < dayEnd));
            }
            using var entered = await writer.EnterAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Visits.Where(v => v.Source == (int)PresenceSource.LocationFeed && v.EnteredUtc >= dayStart && v.EnteredUtc < dayEnd)
                .ExecuteDeleteAsync(cancellationToken);
            db.Visits.AddRange(found);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            visits += found.Count;
        }
        return new BaselineRun(days.Count, positions, units.Count, spots.Count, visits);
    }

    private IEnumerable<Visit> UnitVisits(string unitId, List<UnitPosition> track, List<(long Id, SpotShape Shape, Envelope Near)> spots)
    {
        var trackers = spots.Select(_ => new VisitTracker(settings)).ToArray();
        var movement = new MovementTracker(settings);
        DateTime? last = null;
        foreach (var p in track)
        {
            if (p.AccuracyMetres > settings.MaxAccuracyMetres || last is { } l && p.TimeUtc <= l) continue;
            last = p.TimeUtc;
            movement.Add(new TrackPoint(p.TimeUtc, p.X, p.Y, p.AccuracyMetres));
            for (var i = 0; i < spots.Count; i++)
            {
                var far = !spots[i].Near.Contains(p.X, p.Y);
                trackers[i].Add(p.TimeUtc, far ? double.MaxValue : spots[i].Shape.MetresOutside(p.X, p.Y));
            }
        }
        movement.Finish();
        var type = track.Count == 0 ? UnitType.Unknown : track[0].UnitType;
        for (var i = 0; i < spots.Count; i++)
        {
            trackers[i].Finish();
            foreach (var v in trackers[i].Closed)
            {
                var mode = type switch
                {
                    UnitType.Foot => Movement.Foot,
                    UnitType.Vehicle => Movement.Vehicle,
                    _ => TrackDeriver.ModeDuring(movement.Closed, v.EnteredUtc, v.ExitedUtc),
                };
                yield return new Visit
                {
                    Source = (int)PresenceSource.LocationFeed, SubjectId = unitId, HotspotId = spots[i].Id,
                    EnteredUtc = v.EnteredUtc, ExitedUtc = v.ExitedUtc, Seconds = v.Seconds, Mode = (int)mode,
                };
            }
        }
    }
}

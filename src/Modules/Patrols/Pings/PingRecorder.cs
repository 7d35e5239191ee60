using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Sessions;
using HotSpots.Platform.Geography;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Distance;

namespace HotSpots.Modules.Patrols.Pings;

/// <summary>
/// Stores a batch of pings in one transaction, skipping sequence numbers already stored, rejecting impossible
/// pings with a reason, then re-derives the patrol's minutes inside from all its pings (late pings included).
/// </summary>
internal sealed class PingRecorder(PatrolsDbContext db, IMetricProjection projection, PatrolSettings settings, TimeProvider clock)
{
    public async Task<PingBatchResult> RecordAsync(long patrolId, string officerId, IReadOnlyList<PingInput> pings, CancellationToken cancellationToken)
    {
        var patrol = await db.Patrols.SingleOrDefaultAsync(p => p.Id == patrolId && p.OfficerId == officerId, cancellationToken)
            ?? throw new PatrolNotFoundException(patrolId);
        var now = clock.GetUtcNow().UtcDateTime;
        var polygon = new WKBReader().Read(patrol.PolygonWkb);
        var edge = new IndexedFacetDistance(polygon);

        var sequences = pings.Select(p => p.Sequence).ToList();
        var stored = (await db.Pings.Where(p => p.PatrolId == patrolId && sequences.Contains(p.Sequence))
            .Select(p => p.Sequence).ToListAsync(cancellationToken)).ToHashSet();
        var rejected = new List<PingRejection>();
        var accepted = 0;
        var duplicates = 0;
        foreach (var input in pings)
        {
            if (!stored.Add(input.Sequence)) { duplicates++; continue; }
            if (Problem(input, patrol, now) is { } reason)
            {
                stored.Remove(input.Sequence);
                rejected.Add(new PingRejection(input.Sequence, reason));
                continue;
            }
            var metric = projection.Project(input.Latitude, input.Longitude);
            var point = polygon.Factory.CreatePoint(new Coordinate(metric.X, metric.Y));
            db.Pings.Add(new Ping
            {
                PatrolId = patrolId, Sequence = input.Sequence, TimeUtc = input.TimeUtc, ReceivedUtc = now,
                Latitude = input.Latitude, Longitude = input.Longitude, AccuracyMetres = input.AccuracyMetres,
                SpeedMetresPerSecond = input.SpeedMetresPerSecond, X = metric.X, Y = metric.Y,
                Inside = polygon.Contains(point) || edge.Distance(point) <= settings.EdgeBufferMetres,
            });
            accepted++;
        }

        if (accepted > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var all = await db.Pings.AsNoTracking().Where(p => p.PatrolId == patrolId)
                .OrderBy(p => p.TimeUtc).ThenBy(p => p.Sequence).ToListAsync(cancellationToken);
            patrol.PingCount = all.Count;
            patrol.MinutesInside = Dosage.MinutesInside(all, settings.MaxGapSeconds);
            patrol.LastInside = all[^1].Inside;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return new PingBatchResult(accepted, duplicates, rejected, patrol.LastInside, patrol.MinutesInside);
    }

    private string? Problem(PingInput ping, PatrolSession patrol, DateTime now)
    {
        if (!new GeoPoint(ping.Latitude, ping.Longitude).IsValid) return "coordinates are out of range";
        if (ping.TimeUtc > now.AddSeconds(settings.MaxClockAheadSeconds)) return "time is in the future";
        if (ping.TimeUtc < patrol.StartedUtc.AddMinutes(-1)) return "time is before the patrol started";
        if (patrol.EndedUtc is { } ended && ping.TimeUtc > ended.AddMinutes(1)) return "time is after the patrol ended";
        if (ping.AccuracyMetres is < 0) return "accuracy is negative";
        return null;
    }
}

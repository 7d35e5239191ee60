using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Store;
using HotSpots.Modules.Patrols.Tracks;
using HotSpots.Platform;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Patrols.Pings;

/// <summary>
/// The ping hot path. A batch is checked, stored in a transaction (sequence numbers already held are skipped), and fed
/// to the patrol's running derivation; pings older than the newest one stored (late arrivals) make the patrol be
/// re-derived from all its pings. How the batch is committed is the <see cref="TrackWriter"/>'s: on SQLite the batches
/// waiting for the one writer share a transaction; on PostgreSQL each has its own. The answer is given only after the commit.
/// </summary>
internal sealed class PingRecorder(
    PatrolsDbContext db, TrackWriter writer, PatrolStateCache cache, TrackDerivations derivations,
    IMetricProjection projection, PatrolSettings settings, TimeProvider clock)
{
    public async Task<PingBatchResult> RecordAsync(long patrolId, string officerId, IReadOnlyList<PingInput> pings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rejected = new List<PingRejection>();
        var candidates = new List<PingInput>(pings.Count);
        var seen = new HashSet<long>();
        var duplicates = 0;
        foreach (var input in pings)
        {
            if (!seen.Add(input.Sequence)) duplicates++;
            else if (Problem(input, now) is { } reason) rejected.Add(new PingRejection(input.Sequence, reason));
            else candidates.Add(input);
        }

        return await writer.WriteBatchAsync(db, (write, token) => WriteAsync(write, patrolId, officerId, candidates, rejected, duplicates, now, token),
            cancellationToken);
    }

    /// <summary>The batch's part of a write transaction: the pings stored and the patrol's derivation brought up to date.</summary>
    private async Task<Written<PingBatchResult>> WriteAsync(
        TrackWrite write, long patrolId, string officerId, List<PingInput> candidates, List<PingRejection> rejected, int duplicates, DateTime now,
        CancellationToken cancellationToken)
    {
        var session = await write.ReadSessionAsync(patrolId, cancellationToken);
        if (session is null || session.OfficerId != officerId) throw new PatrolNotFoundException(patrolId);

        var inWindow = new List<PingInput>(candidates.Count);
        foreach (var input in candidates)
        {
            if (input.TimeUtc < session.StartedUtc.AddMinutes(-1)) rejected.Add(new PingRejection(input.Sequence, "time is before the patrol started"));
            else if (session.EndedUtc is { } ended && input.TimeUtc > ended.AddMinutes(1)) rejected.Add(new PingRejection(input.Sequence, "time is after the patrol ended"));
            else inWindow.Add(input);
        }
        var stored = await write.ExistingSequencesAsync(patrolId, inWindow.Select(p => p.Sequence).ToList(), cancellationToken);
        var fresh = inWindow.Where(p => !stored.Contains(p.Sequence)).OrderBy(p => p.TimeUtc).ThenBy(p => p.Sequence).ToList();
        duplicates += inWindow.Count - fresh.Count;

        var state = cache.Take(patrolId, session.PingCount);
        var late = session.LastPingUtc is { } latest && fresh.Count > 0 && fresh[0].TimeUtc < latest;
        List<TrackPoint>? history = null;
        if (state is null || late)
        {
            history = await write.LoadPointsAsync(patrolId, cancellationToken);
            state = derivations.Create(session, await write.LoadUnobservedAsync(patrolId, cancellationToken));
        }

        var accepted = new List<StoredPing>(fresh.Count);
        foreach (var (input, reason) in CheckJumps(fresh, history, state.Deriver.LastFix))
        {
            if (reason is not null)
            {
                rejected.Add(new PingRejection(input.Sequence, reason));
                continue;
            }
            var metric = projection.Project(input.Latitude, input.Longitude);
            accepted.Add(new StoredPing(input.Sequence, input.TimeUtc, input.Latitude, input.Longitude, input.AccuracyMetres,
                input.SpeedMetresPerSecond, metric.X, metric.Y, state.Shape.MetresOutside(metric.X, metric.Y) <= settings.EdgeBufferMetres));
        }
        await write.InsertPingsAsync(patrolId, accepted, now, cancellationToken);

        if (history is not null)
        {
            history.AddRange(accepted.Select(p => p.Point));
            history.Sort((a, b) => a.TimeUtc.CompareTo(b.TimeUtc));
            foreach (var point in history) state.Deriver.Add(point);
        }
        else
        {
            foreach (var ping in accepted) state.Deriver.Add(ping.Point);
        }
        if (session.EndedUtc is not null) state.Deriver.Finish();

        var newest = accepted.Count == 0 ? session.LastPingUtc : Max(session.LastPingUtc, accepted.Max(p => p.TimeUtc));
        state.PingCount = session.PingCount + accepted.Count;
        var totals = derivations.Totals(state, newest);
        if (accepted.Count > 0) await write.WriteDerivedAsync(state, totals, null, null, cancellationToken);

        var result = new PingBatchResult(accepted.Count, duplicates, rejected, totals.Inside, totals.MinutesInside, session.EndedUtc is null);
        return new Written<PingBatchResult>(result, () =>
        {
            Telemetry.PingsIngested.Add(accepted.Count);
            if (rejected.Count > 0) Telemetry.PingsRejected.Add(rejected.Count);
            state.TouchedUtc = now;
            if (session.EndedUtc is null) cache.Put(state);
        });
    }

    private string? Problem(PingInput ping, DateTime now)
    {
        if (!new GeoPoint(ping.Latitude, ping.Longitude).IsValid) return "coordinates are out of range";
        if (ping.TimeUtc > now.AddSeconds(settings.MaxClockAheadSeconds)) return "time is in the future";
        if (ping.AccuracyMetres is < 0 || ping.AccuracyMetres is { } a && !double.IsFinite(a)) return "accuracy is negative or not a number";
        if (ping.SpeedMetresPerSecond is { } s && (!double.IsFinite(s) || s < 0)) return "speed is negative or not a number";
        if (ping.Sequence < 0) return "sequence number is negative";
        return null;
    }

    /// <summary>
    /// Each new ping against the accurate ping before it in time (stored or new): moving faster than any vehicle,
    /// beyond both positions' accuracy, is impossible.
    /// </summary>
    private IEnumerable<(PingInput Ping, string? Reason)> CheckJumps(List<PingInput> fresh, List<TrackPoint>? history, TrackPoint? lastFix)
    {
        if (history is null)
        {
            var previous = lastFix;
            foreach (var ping in fresh)
            {
                var point = Point(ping);
                var reason = Jump(previous, point);
                if (reason is null && Accurate(point)) previous = point;
                yield return (ping, reason);
            }
            yield break;
        }
        var known = history.Where(Accurate).ToList();
        var index = 0;
        TrackPoint? before = null;
        foreach (var ping in fresh)
        {
            var point = Point(ping);
            while (index < known.Count && known[index].TimeUtc <= point.TimeUtc) before = Later(before, known[index++]);
            var reason = Jump(before, point);
            if (reason is null && Accurate(point)) before = Later(before, point);
            yield return (ping, reason);
        }
    }

    private TrackPoint Point(PingInput ping)
    {
        var metric = projection.Project(ping.Latitude, ping.Longitude);
        return new TrackPoint(ping.TimeUtc, metric.X, metric.Y, ping.AccuracyMetres);
    }

    private bool Accurate(TrackPoint point) => !(point.AccuracyMetres > settings.MaxAccuracyMetres);

    private string? Jump(TrackPoint? previous, TrackPoint point)
    {
        if (previous is not { } p) return null;
        var metres = TrackTime.Metres(p.X, p.Y, point.X, point.Y);
        var seconds = Math.Max(1, Math.Abs((point.TimeUtc - p.TimeUtc).TotalSeconds));
        var speed = Math.Max(0, metres - (p.AccuracyMetres ?? 0) - (point.AccuracyMetres ?? 0)) / seconds;
        return speed > settings.MaxSpeedMetresPerSecond
            ? $"a jump of {metres:0} m in {seconds:0} s ({speed * 3.6:0} km/h) is faster than any vehicle"
            : null;
    }

    private static TrackPoint Later(TrackPoint? a, TrackPoint b) => a is { } x && x.TimeUtc > b.TimeUtc ? x : b;

    private static DateTime? Max(DateTime? a, DateTime b) => a is { } x && x > b ? x : b;
}

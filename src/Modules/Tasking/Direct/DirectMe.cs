using System.Globalization;
using HotSpots.Modules.Tasking.Board;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Tasking.Data;
using HotSpots.Platform;
using HotSpots.Platform.Geography;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Tasking.Direct;

/// <summary>
/// Picks at random, weighted by need, among the eligible spots: the officer's team's assignments for this shift
/// when there are any, otherwise the nearest offerable spots within reach. The spot the officer was last sent to
/// is left out when another is eligible. Each pick is recorded with its candidates and weights.
/// </summary>
internal sealed class DirectMe(
    TaskingBoard board, TaskingDbContext db, TaskingSettings settings, TaskingRandom random, ForceOptions force, TimeProvider clock)
{
    public async Task<Direction?> PickAsync(string officerId, GeoPoint position, CancellationToken cancellationToken)
    {
        var state = await board.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var local = force.UtcToLocal(now);
        var offerable = state.Offerable(position, now, local).ToList();
        if (offerable.Count == 0) return null;

        var assigned = state.AssignedTo(officerId, force.ShiftAt(local.Hour).Name);
        var candidates = offerable.Where(o => assigned.Contains(o.Spot.Spot.Id)).ToList();
        var fromAssignment = candidates.Count > 0;
        if (!fromAssignment)
        {
            var nearest = offerable.Take(settings.Candidates).ToList();
            candidates = nearest.Where(o => o.Spot.Metres <= settings.MaxDistanceMetres).ToList();
            if (candidates.Count == 0) candidates = nearest.Take(1).ToList();
        }
        var last = await db.Directions.AsNoTracking().Where(d => d.OfficerId == officerId)
            .OrderByDescending(d => d.Id).Select(d => (long?)d.HotspotId).FirstOrDefaultAsync(cancellationToken);
        if (candidates.Count > 1 && last is { } lastSpot && candidates.Any(c => c.Spot.Spot.Id != lastSpot))
            candidates = candidates.Where(c => c.Spot.Spot.Id != lastSpot).ToList();

        var pick = candidates[random.PickIndex(candidates.Select(c => c.Need.Weight).ToList())];
        var record = new DirectionRecord
        {
            OfficerId = officerId,
            HotspotId = pick.Spot.Spot.Id,
            SetId = pick.Spot.Spot.SetId,
            CreatedUtc = now,
            FromLatitude = position.Latitude,
            FromLongitude = position.Longitude,
            DistanceMetres = pick.Spot.Metres,
            Assigned = fromAssignment,
            CandidateIds = string.Join(',', candidates.Select(c => $"{c.Spot.Spot.Id}:{c.Need.Weight.ToString(CultureInfo.InvariantCulture)}")),
        };
        db.Directions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new Direction(record.Id, pick.Spot.Spot, pick.Spot.Metres, candidates.Count, pick.Need, fromAssignment);
    }
}

/// <summary>A direction given earlier, shown again only while its spot may still be offered.</summary>
internal sealed class Directions(TaskingBoard board, TaskingDbContext db, ForceOptions force, TimeProvider clock)
{
    public async Task<Direction?> GetAsync(long directionId, string officerId, CancellationToken cancellationToken)
    {
        var record = await db.Directions.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == directionId && d.OfficerId == officerId, cancellationToken);
        if (record is null) return null;
        var state = await board.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var local = force.UtcToLocal(now);
        if (state.Spots.Find(record.HotspotId) is not { } spot || !state.IsOfferable(record.HotspotId, now, local)) return null;
        return new Direction(record.Id, spot, record.DistanceMetres, record.CandidateIds.Split(',').Length, state.Need(spot, now, local), record.Assigned);
    }
}

/// <summary>The source of randomness for picks; seedable for tests.</summary>
internal sealed class TaskingRandom(Random random)
{
    private readonly Lock _lock = new();

    /// <summary>An index drawn with probability proportional to its weight.</summary>
    public int PickIndex(IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        double target;
        lock (_lock) target = random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0) return i;
        }
        return weights.Count - 1;
    }
}

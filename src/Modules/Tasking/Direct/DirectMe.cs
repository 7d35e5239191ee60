using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Tasking.Data;
using HotSpots.Platform.Geography;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Tasking.Direct;

/// <summary>
/// Picks at random among the nearest eligible spots, so that patrols are unpredictable, and records the pick.
/// The spot the officer was last sent to is left out when another is eligible.
/// </summary>
internal sealed class DirectMe(IHotspotSnapshot snapshot, TaskingDbContext db, TaskingSettings settings, TaskingRandom random, TimeProvider clock)
{
    public async Task<Direction?> PickAsync(string officerId, GeoPoint position, CancellationToken cancellationToken)
    {
        var current = snapshot.Current;
        if (current.Set is null || current.Spots.Count == 0) return null;

        var nearest = current.Nearest(position, settings.Candidates);
        var withinReach = nearest.Where(n => n.Metres <= settings.MaxDistanceMetres).ToList();
        var candidates = withinReach.Count > 0 ? withinReach : nearest.Take(1).ToList();
        var last = await db.Directions.AsNoTracking()
            .Where(d => d.OfficerId == officerId)
            .OrderByDescending(d => d.Id)
            .Select(d => (long?)d.HotspotId)
            .FirstOrDefaultAsync(cancellationToken);
        if (candidates.Count > 1 && last is { } lastSpot)
            candidates = candidates.Where(c => c.Spot.Id != lastSpot).ToList();

        var pick = candidates[random.Next(candidates.Count)];
        var record = new DirectionRecord
        {
            OfficerId = officerId,
            HotspotId = pick.Spot.Id,
            SetId = pick.Spot.SetId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            FromLatitude = position.Latitude,
            FromLongitude = position.Longitude,
            DistanceMetres = pick.Metres,
            CandidateIds = string.Join(',', candidates.Select(c => c.Spot.Id)),
        };
        db.Directions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new Direction(record.Id, pick.Spot, pick.Metres, candidates.Count);
    }
}

internal sealed class Directions(IHotspotSnapshot snapshot, TaskingDbContext db)
{
    public async Task<Direction?> GetAsync(long directionId, string officerId, CancellationToken cancellationToken)
    {
        var record = await db.Directions.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == directionId && d.OfficerId == officerId, cancellationToken);
        if (record is null || snapshot.Current.Find(record.HotspotId) is not { } spot) return null;
        return new Direction(record.Id, spot, record.DistanceMetres, record.CandidateIds.Split(',').Length);
    }
}

/// <summary>The source of randomness for picks; seedable for tests.</summary>
internal sealed class TaskingRandom(Random random)
{
    private readonly Lock _lock = new();

    public int Next(int maxExclusive)
    {
        lock (_lock) return random.Next(maxExclusive);
    }
}

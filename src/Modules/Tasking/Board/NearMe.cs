using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Tasking.Board;

/// <summary>
/// The spots an officer may be offered, from memory: a spot the officer is standing in first, then the team's
/// assignments for this shift, then the others ordered by distance divided by need weight (a needy spot a little
/// farther comes before a spot whose dose is done).
/// </summary>
internal sealed class NearMe(TaskingBoard board, ForceOptions force, TimeProvider clock)
{
    /// <summary>Nearer than this to a spot's outline is inside it (the distance is 0 inside).</summary>
    private const double Inside = 1;

    /// <summary>
    /// One spot the officer chose from the list, when it may be offered now (published, a treatment spot of a running
    /// trial, not capped today): with its distance from <paramref name="position"/> when given (NaN otherwise).
    /// </summary>
    public async Task<NearbySpot?> ChosenAsync(string officerId, long hotspotId, GeoPoint? position, CancellationToken cancellationToken)
    {
        var state = await board.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var local = force.UtcToLocal(now);
        if (!state.IsOfferable(hotspotId, now, local)) return null;
        var spot = state.Spots.Find(hotspotId)!;
        var distance = position is { IsValid: true } here ? state.Spots.DistanceMetres(hotspotId, here) ?? double.NaN : double.NaN;
        var assigned = state.AssignedTo(officerId, force.ShiftAt(local.Hour).Name);
        return new NearbySpot(spot, distance, state.Need(spot, now, local), assigned.Contains(hotspotId));
    }

    public async Task<IReadOnlyList<NearbySpot>> ListAsync(string officerId, GeoPoint position, int count, CancellationToken cancellationToken)
    {
        var state = await board.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var local = force.UtcToLocal(now);
        var assigned = state.AssignedTo(officerId, force.ShiftAt(local.Hour).Name);
        return state.Offerable(position, now, local)
            .Select(o => new NearbySpot(o.Spot.Spot, o.Spot.Metres, o.Need, assigned.Contains(o.Spot.Spot.Id)))
            .OrderByDescending(n => n.DistanceMetres < Inside)
            .ThenByDescending(n => n.AssignedToYourTeam)
            .ThenBy(n => (n.DistanceMetres + 50) / n.Need.Weight)
            .Take(count)
            .ToList();
    }
}

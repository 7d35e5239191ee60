using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Tasking.Board;

/// <summary>
/// The spots an officer may be offered, from memory: the team's assignments for this shift first, then the
/// others ordered by distance divided by need weight (a needy spot a little farther comes before a spot whose
/// dose is done).
/// </summary>
internal sealed class NearMe(TaskingBoard board, ForceOptions force, TimeProvider clock)
{
    public async Task<IReadOnlyList<NearbySpot>> ListAsync(string officerId, GeoPoint position, int count, CancellationToken cancellationToken)
    {
        var state = await board.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var local = force.UtcToLocal(now);
        var assigned = state.AssignedTo(officerId, force.ShiftAt(local.Hour).Name);
        return state.Offerable(position, now, local)
            .Select(o => new NearbySpot(o.Spot.Spot, o.Spot.Metres, o.Need, assigned.Contains(o.Spot.Spot.Id)))
            .OrderByDescending(n => n.AssignedToYourTeam)
            .ThenBy(n => (n.DistanceMetres + 50) / n.Need.Weight)
            .Take(count)
            .ToList();
    }
}

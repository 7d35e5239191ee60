using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Tracks;

namespace HotSpots.Modules.Patrols.Store;

/// <summary>Creates a patrol's derivation and sums it up for the session row.</summary>
internal sealed class TrackDerivations(PatrolSettings settings)
{
    /// <param name="unobserved">The stretches the page reported it could not measure: they break visits.</param>
    public PatrolState Create(SessionRow session, IReadOnlyList<TimeStretch> unobserved)
    {
        var shape = SpotShape.FromWkb(session.PolygonWkb);
        return new PatrolState(session.Id, session.OfficerId, session.HotspotId, shape, new TrackDeriver(settings, shape, unobserved), settings.EdgeBufferMetres);
    }

    public SessionTotals Totals(PatrolState state, DateTime? lastPingUtc)
    {
        var deriver = state.Deriver;
        var visits = deriver.Visits;
        return new SessionTotals(
            state.PingCount, lastPingUtc, deriver.SecondsInside / 60, deriver.Inside,
            visits.Count, visits.Count(v => settings.IsKoper(v.Seconds)), deriver.Stops.Count,
            deriver.Seconds(Movement.Foot) / 60, deriver.Seconds(Movement.Vehicle) / 60);
    }
}

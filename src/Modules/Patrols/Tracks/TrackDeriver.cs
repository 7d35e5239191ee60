using HotSpots.Modules.Patrols.Contracts;

namespace HotSpots.Modules.Patrols.Tracks;

/// <summary>
/// Everything derived from one track in one spot: visits, stops and foot/vehicle stretches. Positions are fed in
/// time order, one batch after another, so that a running patrol is derived incrementally; a position at or before
/// the last one fed is ignored (the caller re-derives from all positions when late ones arrive).
/// </summary>
/// <remarks>
/// The stretches the page reported it could not measure (<paramref name="unobserved"/>) break visits: time in them is
/// neither inside nor outside, even when the positions around them are closer together than the gap threshold.
/// </remarks>
internal sealed class TrackDeriver(PatrolSettings rules, SpotShape spot, IReadOnlyList<TimeStretch>? unobserved = null)
{
    private readonly VisitTracker _visits = new(rules);
    private readonly StopTracker _stops = new(rules);
    private readonly MovementTracker _movement = new(rules);

    public DateTime? LastTimeUtc { get; private set; }

    /// <summary>The last position accurate enough to measure by, for the jump check of the next one.</summary>
    public TrackPoint? LastFix { get; private set; }

    public bool Finished { get; private set; }

    public bool Inside => _visits.Inside;

    /// <summary>Feeds one position; false when it is not used (inaccurate, or not after the last one).</summary>
    public bool Add(TrackPoint point)
    {
        if (Finished || point.AccuracyMetres > rules.MaxAccuracyMetres) return false;
        if (LastTimeUtc is { } last && point.TimeUtc <= last) return false;
        if (LastTimeUtc is { } previous && unobserved is { Count: > 0 } && unobserved.Any(s => s.StartUtc < point.TimeUtc && s.EndUtc > previous))
            _visits.Break();
        LastTimeUtc = point.TimeUtc;
        LastFix = point;
        _visits.Add(point.TimeUtc, spot.MetresOutside(point.X, point.Y));
        _stops.Add(point);
        _movement.Add(point);
        return true;
    }

    public void Finish()
    {
        _visits.Finish();
        _stops.Finish();
        _movement.Finish();
        Finished = true;
    }

    public IReadOnlyList<DerivedVisit> ClosedVisits => _visits.Closed;
    public IReadOnlyList<DerivedStop> ClosedStops => _stops.Closed;
    public IReadOnlyList<DerivedStretch> ClosedStretches => _movement.Closed;

    public IReadOnlyList<DerivedVisit> Visits => WithOpen(_visits.Closed, _visits.Open);
    public IReadOnlyList<DerivedStop> Stops => WithOpen(_stops.Closed, _stops.Open);
    public IReadOnlyList<DerivedStretch> Stretches => WithOpen(_movement.Closed, _movement.Open);

    public double SecondsInside => _visits.Closed.Sum(v => v.Seconds) + (_visits.Open?.Seconds ?? 0);

    public double Seconds(Movement mode) =>
        _movement.Closed.Where(s => s.Mode == mode).Sum(s => s.Seconds) + (_movement.Open is { } o && o.Mode == mode ? o.Seconds : 0);

    /// <summary>The mode the officer spent most of a visit in.</summary>
    public Movement ModeDuring(DerivedVisit visit) => ModeDuring(Stretches, visit.EnteredUtc, visit.ExitedUtc);

    public static Movement ModeDuring(IReadOnlyList<DerivedStretch> stretches, DateTime from, DateTime to)
    {
        double foot = 0, vehicle = 0;
        foreach (var s in stretches)
        {
            var overlap = (Min(s.EndUtc, to) - Max(s.StartUtc, from)).TotalSeconds;
            if (overlap <= 0) continue;
            if (s.Mode == Movement.Vehicle) vehicle += overlap;
            else foot += overlap;
        }
        return vehicle > foot ? Movement.Vehicle : Movement.Foot;
    }

    private static IReadOnlyList<T> WithOpen<T>(IReadOnlyList<T> closed, T? open) where T : class =>
        open is null ? closed : [.. closed, open];

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}

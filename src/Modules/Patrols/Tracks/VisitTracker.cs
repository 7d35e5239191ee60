namespace HotSpots.Modules.Patrols.Tracks;

/// <summary>
/// Visits to one spot from positions in time order. A visit starts at a position within the edge buffer (half way
/// from the position before), and ends only after positions beyond the wider exit buffer for a while (half way
/// from the last near position): jitter at the edge does not make a string of short visits. A gap without
/// positions ends a visit at the last position before it.
/// </summary>
internal sealed class VisitTracker(PatrolSettings rules)
{
    private readonly List<DerivedVisit> _closed = [];
    private bool _in;
    private DateTime _entered, _lastNear;
    private DateTime? _farSince, _lastTime;

    public IReadOnlyList<DerivedVisit> Closed => _closed;

    public DerivedVisit? Open => _in ? new DerivedVisit(_entered, _lastNear, true) : null;

    public bool Inside => _in;

    public void Add(DateTime time, double metresOutside)
    {
        if (_lastTime is { } last && (time - last).TotalSeconds > rules.MaxGapSeconds)
        {
            if (_in) Close(_farSince is null ? _lastNear : TrackTime.Mid(_lastNear, _farSince.Value));
            _lastTime = null;
        }
        if (!_in)
        {
            if (metresOutside <= rules.EdgeBufferMetres)
            {
                _in = true;
                _entered = _lastTime is { } previous ? TrackTime.Mid(previous, time) : time;
                _lastNear = time;
                _farSince = null;
            }
        }
        else if (metresOutside <= rules.ExitBufferMetres)
        {
            _lastNear = time;
            _farSince = null;
        }
        else
        {
            _farSince ??= time;
            if ((time - _farSince.Value).TotalSeconds >= rules.ExitAfterSeconds) Close(TrackTime.Mid(_lastNear, _farSince.Value));
        }
        _lastTime = time;
    }

    /// <summary>
    /// A stretch the page could not measure lies before the next position: like a gap, it ends an open visit where the officer
    /// was last seen near, and the next position near the spot starts a new one (the stretch is neither inside nor outside).
    /// </summary>
    public void Break()
    {
        if (_in) Close(_farSince is null ? _lastNear : TrackTime.Mid(_lastNear, _farSince.Value));
        _lastTime = null;
    }

    /// <summary>The track has ended: an open visit ends where the officer was last seen near.</summary>
    public void Finish()
    {
        if (_in) Close(_farSince is null ? _lastNear : TrackTime.Mid(_lastNear, _farSince.Value));
    }

    private void Close(DateTime exit)
    {
        _in = false;
        _farSince = null;
        if ((exit - _entered).TotalSeconds >= rules.MinVisitSeconds) _closed.Add(new DerivedVisit(_entered, exit, false));
    }
}

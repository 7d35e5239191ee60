namespace HotSpots.Modules.Patrols.Tracks;

/// <summary>
/// Stops: positions that stay within a small radius of the first one for at least a minimum time (measuring from a
/// fixed anchor, not the running centre, keeps a slow walk from dragging a "stop" along). The stop's place is the
/// centre of its positions. One stray fix outside the radius does not end a stop; two in a row do. A gap without
/// positions ends a stop.
/// </summary>
internal sealed class StopTracker(PatrolSettings rules)
{
    private readonly List<DerivedStop> _closed = [];
    private DateTime _start, _lastIn;
    private double _sumX, _sumY, _anchorX, _anchorY;
    private int _count;
    private TrackPoint? _stray;
    private DateTime? _lastTime;

    public IReadOnlyList<DerivedStop> Closed => _closed;

    public DerivedStop? Open => IsStop ? new DerivedStop(_start, _lastIn, _sumX / _count, _sumY / _count, true) : null;

    private bool IsStop => _count > 0 && (_lastIn - _start).TotalSeconds >= rules.StopMinSeconds;

    public void Add(TrackPoint point)
    {
        if (_lastTime is { } last && (point.TimeUtc - last).TotalSeconds > rules.MaxGapSeconds) Flush();
        _lastTime = point.TimeUtc;
        if (_count == 0)
        {
            Begin(point);
            return;
        }
        if (Near(point))
        {
            Join(point);
            _stray = null;
            return;
        }
        if (_stray is null && _count >= 2)
        {
            _stray = point;
            return;
        }
        var stray = _stray;
        Flush();
        if (stray is { } first)
        {
            Begin(first);
            if (Near(point)) Join(point);
            else Begin(point);
        }
        else
        {
            Begin(point);
        }
    }

    public void Finish() => Flush();

    private bool Near(TrackPoint p) => TrackTime.Metres(p.X, p.Y, _anchorX, _anchorY) <= rules.StopRadiusMetres;

    private void Begin(TrackPoint p)
    {
        _start = _lastIn = p.TimeUtc;
        _sumX = _anchorX = p.X;
        _sumY = _anchorY = p.Y;
        _count = 1;
        _stray = null;
    }

    private void Join(TrackPoint p)
    {
        _sumX += p.X;
        _sumY += p.Y;
        _count++;
        _lastIn = p.TimeUtc;
    }

    private void Flush()
    {
        if (IsStop) _closed.Add(new DerivedStop(_start, _lastIn, _sumX / _count, _sumY / _count, false));
        _count = 0;
        _stray = null;
    }
}

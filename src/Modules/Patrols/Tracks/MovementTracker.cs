using HotSpots.Modules.Patrols.Contracts;

namespace HotSpots.Modules.Patrols.Tracks;

/// <summary>
/// Foot or vehicle per stretch, from a robust speed: the median of speeds measured over at least
/// <see cref="BaselineSeconds"/> within a trailing window, so that GPS jitter between close fixes does not look
/// like driving. Standing still keeps the mode (a parked car stays a vehicle). A change of mode must last
/// <see cref="PatrolSettings.MinStretchSeconds"/>; the new stretch is dated back by half the window, where the
/// change most likely happened.
/// </summary>
internal sealed class MovementTracker(PatrolSettings rules)
{
    private const double BaselineSeconds = 10;

    private readonly List<DerivedStretch> _closed = [];
    private readonly List<TrackPoint> _window = [];
    private readonly List<double> _speeds = [];
    private Movement _mode = Movement.Foot;
    private Movement? _candidate;
    private DateTime _start, _last, _candidateSince;
    private bool _running, _opening = true;

    public IReadOnlyList<DerivedStretch> Closed => _closed;

    public DerivedStretch? Open => _running && _last > _start ? new DerivedStretch(_start, _last, _mode, true) : null;

    public void Add(TrackPoint point)
    {
        if (_running && (point.TimeUtc - _last).TotalSeconds > rules.MaxGapSeconds)
        {
            Close(_last);
            _window.Clear();
            _running = false;
        }
        if (!_running)
        {
            _start = point.TimeUtc;
            _running = true;
            _candidate = null;
        }
        _last = point.TimeUtc;
        // Speeds are measured over 10 s or more: a fix less than a second after the last one kept adds nothing but cost.
        if (_window.Count > 0 && (point.TimeUtc - _window[^1].TimeUtc).TotalSeconds < 1) return;
        _window.Add(point);
        var keepFrom = point.TimeUtc.AddSeconds(-(rules.ModeWindowSeconds + BaselineSeconds));
        var drop = 0;
        while (drop < _window.Count - 2 && _window[drop + 1].TimeUtc <= keepFrom) drop++;
        if (drop > 0) _window.RemoveRange(0, drop);

        var observed = Classify(RobustSpeed(point.TimeUtc));
        if (observed is null || observed == _mode)
        {
            _candidate = null;
            return;
        }
        if (_candidate != observed)
        {
            _candidate = observed;
            _candidateSince = point.TimeUtc;
        }
        if ((point.TimeUtc - _candidateSince).TotalSeconds < rules.MinStretchSeconds) return;
        var boundary = _candidateSince.AddSeconds(-rules.ModeWindowSeconds / 2);
        if (boundary < _start) boundary = _start;
        if (_opening && (boundary - _start).TotalSeconds < rules.MinStretchSeconds)
        {
            _mode = observed.Value; // the first moments only lacked the speed to tell
        }
        else
        {
            Close(boundary);
            _start = boundary;
            _mode = observed.Value;
        }
        _candidate = null;
    }

    public void Finish()
    {
        if (_running) Close(_last);
        _running = false;
    }

    private Movement? Classify(double? speed) =>
        speed is not { } s || s < rules.StationarySpeedMetresPerSecond ? null
        : s < rules.VehicleSpeedMetresPerSecond ? Movement.Foot : Movement.Vehicle;

    private double? RobustSpeed(DateTime now)
    {
        _speeds.Clear();
        var from = now.AddSeconds(-rules.ModeWindowSeconds);
        var k = -1;
        for (var j = 0; j < _window.Count; j++)
        {
            var p = _window[j];
            while (k + 1 < j && (p.TimeUtc - _window[k + 1].TimeUtc).TotalSeconds >= BaselineSeconds) k++;
            if (p.TimeUtc < from || k < 0) continue;
            var q = _window[k];
            _speeds.Add(TrackTime.Metres(p.X, p.Y, q.X, q.Y) / (p.TimeUtc - q.TimeUtc).TotalSeconds);
        }
        if (_speeds.Count == 0) return null;
        _speeds.Sort();
        var mid = _speeds.Count / 2;
        return _speeds.Count % 2 == 1 ? _speeds[mid] : (_speeds[mid - 1] + _speeds[mid]) / 2;
    }

    private void Close(DateTime end)
    {
        if (end > _start) _closed.Add(new DerivedStretch(_start, end, _mode, false));
        _opening = false;
    }
}

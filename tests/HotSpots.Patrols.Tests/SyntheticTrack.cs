using HotSpots.Modules.Patrols.Tracks;

namespace HotSpots.Patrols.Tests;

/// <summary>
/// A track made up by the test: straight moves at a set speed, stays, and gaps, sampled every few seconds with
/// Gaussian GPS noise from a seeded generator (the same seed gives the same track).
/// </summary>
internal sealed class SyntheticTrack(int seed, double noiseMetres, double intervalSeconds, DateTime startUtc)
{
    private readonly Random _random = new(seed);
    private readonly List<TrackPoint> _points = [];
    private double _x, _y, _t;

    public IReadOnlyList<TrackPoint> Points => _points;

    /// <summary>Seconds since the start of the track.</summary>
    public double Clock => _t;

    public DateTime At(double seconds) => startUtc.AddSeconds(seconds);

    public SyntheticTrack StartAt(double x, double y)
    {
        _x = x;
        _y = y;
        Sample();
        return this;
    }

    public SyntheticTrack MoveTo(double x, double y, double metresPerSecond)
    {
        var length = Math.Sqrt((x - _x) * (x - _x) + (y - _y) * (y - _y));
        var duration = length / metresPerSecond;
        double fromX = _x, fromY = _y, t0 = _t;
        for (var s = intervalSeconds; s <= duration; s += intervalSeconds)
        {
            _t = t0 + s;
            _x = fromX + (x - fromX) * s / duration;
            _y = fromY + (y - fromY) * s / duration;
            Sample();
        }
        _t = t0 + duration;
        _x = x;
        _y = y;
        return this;
    }

    public SyntheticTrack Stay(double seconds)
    {
        var t0 = _t;
        for (var s = intervalSeconds; s <= seconds; s += intervalSeconds)
        {
            _t = t0 + s;
            Sample();
        }
        _t = t0 + seconds;
        return this;
    }

    /// <summary>No signal: time passes (moving to the given place) and nothing is recorded.</summary>
    public SyntheticTrack Gap(double seconds, double? x = null, double? y = null)
    {
        _t += seconds;
        _x = x ?? _x;
        _y = y ?? _y;
        return this;
    }

    private void Sample() =>
        _points.Add(new TrackPoint(startUtc.AddSeconds(_t), _x + Gaussian() * noiseMetres, _y + Gaussian() * noiseMetres, 5));

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}

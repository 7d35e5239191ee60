using HotSpots.Platform.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>
/// Projects each record's position to the metric grid once at import and checks it against the force area.
/// Police data snaps crimes to a few thousand map points, so each distinct point is computed only once.
/// </summary>
internal sealed class Positions(IMetricProjection projection, IPreparedGeometry? area)
{
    private const int MaxCached = 500_000;
    private readonly Dictionary<(double, double), (double X, double Y, bool Outside)> _cache = [];
    private readonly GeometryFactory _points = new();

    public void Apply(CrimeRecord record)
    {
        if (record.Latitude is not { } lat || record.Longitude is not { } lon) return;
        if (!_cache.TryGetValue((lat, lon), out var known))
        {
            var point = projection.Project(lat, lon);
            var outside = area is not null && !area.Covers(_points.CreatePoint(new Coordinate(lon, lat)));
            known = double.IsFinite(point.X) && double.IsFinite(point.Y) ? (point.X, point.Y, outside) : (double.NaN, double.NaN, outside);
            if (_cache.Count < MaxCached) _cache[(lat, lon)] = known;
        }
        // A position the grid cannot hold (far outside the projection's zone) is kept but unmappable.
        if (!double.IsNaN(known.X)) (record.X, record.Y) = (known.X, known.Y);
        record.OutOfArea = known.Outside;
    }
}

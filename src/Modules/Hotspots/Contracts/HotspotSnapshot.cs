using HotSpots.Modules.Hotspots.Snapshot;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Hotspots.Contracts;

/// <summary>An immutable view of the published set, answered from memory.</summary>
public sealed class HotspotSnapshot
{
    private readonly Dictionary<long, SpotShape> _byId;

    internal HotspotSnapshot(HotspotSetSummary? set, IReadOnlyList<SpotShape> shapes, IMetricProjection projection)
    {
        Set = set;
        Projection = projection;
        Spots = shapes.Select(s => s.Spot).ToList();
        _byId = shapes.ToDictionary(s => s.Spot.Id);
    }

    public static HotspotSnapshot Empty(IMetricProjection projection) => new(null, [], projection);

    /// <summary>The published set, or null before anything is published.</summary>
    public HotspotSetSummary? Set { get; }

    public IReadOnlyList<PublishedHotspot> Spots { get; }

    internal IMetricProjection Projection { get; }

    public PublishedHotspot? Find(long hotspotId) => _byId.GetValueOrDefault(hotspotId)?.Spot;

    /// <summary>Spots sorted by distance from a position (0 when inside), nearest first.</summary>
    public IReadOnlyList<SpotDistance> Nearest(GeoPoint position, int count)
    {
        var here = Projection.Project(position.Latitude, position.Longitude);
        return _byId.Values
            .Select(s => new SpotDistance(s.Spot, s.DistanceMetres(here)))
            .OrderBy(d => d.Metres).ThenBy(d => d.Spot.Rank)
            .Take(count)
            .ToList();
    }

    /// <summary>True when the position is inside the spot, or within <paramref name="bufferMetres"/> of its edge.</summary>
    public bool Contains(long hotspotId, GeoPoint position, double bufferMetres = 0) =>
        DistanceMetres(hotspotId, position) is { } metres && metres <= bufferMetres;

    /// <summary>Metres from the position to the spot (0 when inside); null when the snapshot has no such spot.</summary>
    public double? DistanceMetres(long hotspotId, GeoPoint position) =>
        _byId.TryGetValue(hotspotId, out var shape) ? shape.DistanceMetres(Projection.Project(position.Latitude, position.Longitude)) : null;
}

public sealed record SpotDistance(PublishedHotspot Spot, double Metres);

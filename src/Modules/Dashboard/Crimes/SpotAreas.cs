using System.Collections.Concurrent;
using HotSpots.Modules.Hotspots.Contracts;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace HotSpots.Modules.Dashboard.Crimes;

/// <summary>
/// Which crimes lie in which spot, and in the buffer ring around it (outside every spot), worked out once per revision
/// of the crimes (<see cref="Ingestion.Contracts.CrimeTable.Revision"/>: in one process the same crimes in the same
/// order), list of spots and buffer width, then kept. It reads nothing that changes: a spot's polygon never changes
/// once made, and the crimes are the ones the caller passes, so it is exactly as current as the <see cref="CrimeCache"/>
/// that gave them (which checks their revision on every use).
/// </summary>
internal sealed class SpotAreas(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<string, SpotMembership> _cache = new();

    public async Task<SpotMembership> GetAsync(CrimeColumns crimes, IReadOnlyList<long> spotIds, double bufferMetres, CancellationToken cancellationToken)
    {
        var key = $"{crimes.Table.Revision}|{crimes.Count}|{bufferMetres}|{string.Join(',', spotIds)}";
        if (_cache.TryGetValue(key, out var known)) return known;
        var polygons = new List<Geometry>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var hotspots = scope.ServiceProvider.GetRequiredService<IHotspotModule>();
            var reader = new WKBReader();
            foreach (var id in spotIds)
                polygons.Add((await hotspots.GetHotspotAsync(id, cancellationToken)) is { } detail
                    ? reader.Read(detail.ProjectedPolygonWkb)
                    : Polygon.Empty);
        }
        var membership = SpotMembership.Compute(crimes, spotIds, polygons, bufferMetres);
        if (_cache.Count > 16) _cache.Clear();
        _cache[key] = membership;
        return membership;
    }
}

/// <summary>For every crime: the index of the spot it lies in and of the spot whose buffer ring it lies in (-1: none).</summary>
internal sealed class SpotMembership
{
    private SpotMembership(IReadOnlyList<long> spotIds, IReadOnlyList<Geometry> polygons, sbyte[] spot, sbyte[] buffer)
    {
        SpotIds = spotIds;
        Polygons = polygons;
        Spot = spot;
        Buffer = buffer;
    }

    public IReadOnlyList<long> SpotIds { get; }

    /// <summary>Each spot's polygon in projected metres.</summary>
    public IReadOnlyList<Geometry> Polygons { get; }

    public sbyte[] Spot { get; }

    public sbyte[] Buffer { get; }

    public static SpotMembership Compute(CrimeColumns crimes, IReadOnlyList<long> spotIds, IReadOnlyList<Geometry> polygons, double bufferMetres)
    {
        if (spotIds.Count > sbyte.MaxValue) throw new ArgumentException("At most 127 spots can be compared at once.", nameof(spotIds));
        var n = crimes.Count;
        var spot = new sbyte[n];
        var buffer = new sbyte[n];
        Array.Fill(spot, (sbyte)-1);
        Array.Fill(buffer, (sbyte)-1);
        var x = crimes.Table.X;
        var y = crimes.Table.Y;
        var inner = polygons.Select(p => (Envelope: p.EnvelopeInternal, Locator: new IndexedPointInAreaLocator(p))).ToList();
        var rings = polygons.Select(p => p.Buffer(bufferMetres)).Select(p => (Envelope: p.EnvelopeInternal, Locator: new IndexedPointInAreaLocator(p))).ToList();
        for (var i = 0; i < n; i++)
        {
            var c = new Coordinate(x[i], y[i]);
            for (var s = 0; s < inner.Count && spot[i] < 0; s++)
                if (inner[s].Envelope.Contains(c) && inner[s].Locator.Locate(c) != Location.Exterior) spot[i] = (sbyte)s;
            if (spot[i] >= 0) continue;
            for (var s = 0; s < rings.Count && buffer[i] < 0; s++)
                if (rings[s].Envelope.Contains(c) && rings[s].Locator.Locate(c) != Location.Exterior) buffer[i] = (sbyte)s;
        }
        return new SpotMembership(spotIds, polygons, spot, buffer);
    }
}

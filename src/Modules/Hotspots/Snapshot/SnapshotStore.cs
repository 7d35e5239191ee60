using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Data;
using HotSpots.Platform.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.IO;

namespace HotSpots.Modules.Hotspots.Snapshot;

/// <summary>Holds the published set in memory; a reload builds a new snapshot and swaps it in one assignment.</summary>
internal sealed class SnapshotStore(IServiceScopeFactory scopes, IMetricProjection projection) : IHotspotSnapshot
{
    private volatile HotspotSnapshot? _current;

    public HotspotSnapshot Current => _current ?? HotspotSnapshot.Empty(projection);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotspotsDbContext>();
        var set = await db.Sets.AsNoTracking().Include(s => s.Spots)
            .Where(s => s.Status == HotspotSetStatus.Published)
            .OrderByDescending(s => s.PublishedUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (set is null)
        {
            _current = HotspotSnapshot.Empty(projection);
            return;
        }
        _current = Build(set, set.Spots);
    }

    /// <summary>A snapshot of the given spots of a set, whatever its status.</summary>
    public HotspotSnapshot Build(HotspotSet set, IEnumerable<Hotspot> spots)
    {
        var reader = new WKBReader();
        var shapes = spots.OrderBy(s => s.Rank)
            .Select(s => new SpotShape(HotspotMapping.Published(s, projection.Unproject), reader.Read(s.PolygonWkb)))
            .ToList();
        return new HotspotSnapshot(HotspotMapping.Summary(set), shapes, projection);
    }
}

using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Data;
using HotSpots.Platform.Geography;
using HotSpots.Platform.Revisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.IO;

namespace HotSpots.Modules.Hotspots.Snapshot;

/// <summary>
/// Holds the published set in memory: a revisioned copy (<see cref="RevisionedCache{T}"/> of
/// <see cref="HotspotRevisions.Published"/>), built again when a set is published or a published briefing edited, on
/// this node or another, and swapped in one assignment.
/// </summary>
internal sealed class SnapshotStore : IHotspotSnapshot
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IMetricProjection _projection;
    private readonly RevisionedCache<HotspotSnapshot> _published;

    public SnapshotStore(IServiceScopeFactory scopes, IMetricProjection projection, IRevisionReader revisions, TimeProvider clock)
    {
        _scopes = scopes;
        _projection = projection;
        _published = new RevisionedCache<HotspotSnapshot>(revisions, [HotspotRevisions.Published], LoadAsync, clock);
    }

    public HotspotSnapshot Current => _published.Held ?? HotspotSnapshot.Empty(_projection);

    public Task<HotspotSnapshot> CurrentAsync(CancellationToken cancellationToken) => _published.GetAsync(cancellationToken);

    private async Task<HotspotSnapshot> LoadAsync(RevisionStamp stamp, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotspotsDbContext>();
        var set = await db.Sets.AsNoTracking().Include(s => s.Spots)
            .Where(s => s.Status == HotspotSetStatus.Published)
            .OrderByDescending(s => s.PublishedUtc)
            .FirstOrDefaultAsync(cancellationToken);
        return set is null ? HotspotSnapshot.Empty(_projection) : Build(set, set.Spots);
    }

    /// <summary>A snapshot of the given spots of a set, whatever its status.</summary>
    public HotspotSnapshot Build(HotspotSet set, IEnumerable<Hotspot> spots)
    {
        var reader = new WKBReader();
        var shapes = spots.OrderBy(s => s.Rank)
            .Select(s => new SpotShape(HotspotMapping.Published(s, _projection.Unproject), reader.Read(s.PolygonWkb)))
            .ToList();
        return new HotspotSnapshot(HotspotMapping.Summary(set), shapes, _projection);
    }
}

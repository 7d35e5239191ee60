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
    private volatile string? _loaded;

    public HotspotSnapshot Current => _current ?? HotspotSnapshot.Empty(projection);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotspotsDbContext>();
        var set = await db.Sets.AsNoTracking().Include(s => s.Spots)
            .Where(s => s.Status == HotspotSetStatus.Published)
            .OrderByDescending(s => s.PublishedUtc)
            .FirstOrDefaultAsync(cancellationToken);
        _current = set is null ? HotspotSnapshot.Empty(projection) : Build(set, set.Spots);
        _loaded = set is null ? "" : Fingerprint(set.Id, set.Spots.OrderBy(s => s.Id).Select(s => s.Briefing));
    }

    /// <summary>
    /// Reloads when the database holds another published set, or other briefings, than the snapshot: what another node
    /// published or edited. A few bytes per spot are read; the polygons only when something changed.
    /// </summary>
    public async Task<bool> ReloadIfChangedAsync(CancellationToken cancellationToken)
    {
        string now;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HotspotsDbContext>();
            var setId = await db.Sets.AsNoTracking().Where(s => s.Status == HotspotSetStatus.Published)
                .OrderByDescending(s => s.PublishedUtc).Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);
            now = setId is null ? "" : Fingerprint(setId.Value,
                await db.Spots.AsNoTracking().Where(s => s.SetId == setId).OrderBy(s => s.Id).Select(s => s.Briefing).ToListAsync(cancellationToken));
        }
        if (now == _loaded) return false;
        await ReloadAsync(cancellationToken);
        return true;
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

    private static string Fingerprint(long setId, IEnumerable<string> briefings) =>
        setId + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', briefings))));
}

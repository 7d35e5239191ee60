using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Data;
using HotSpots.Modules.Hotspots.Places;
using HotSpots.Modules.Hotspots.Snapshot;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Events;
using HotSpots.Platform.Revisions;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Hotspots.Refresh;

/// <summary>Publishes a set: the previous published set is retired and the set's revision raised in one transaction, and the in-memory snapshot swapped.</summary>
internal sealed class HotspotPublisher(HotspotsDbContext db, PlaceReview places, SnapshotStore snapshot, IEventPublisher events, IAuditLog audit, TimeProvider clock)
{
    public async Task PublishAsync(long setId, string publishedBy, CancellationToken cancellationToken)
    {
        var set = await db.Sets.SingleOrDefaultAsync(s => s.Id == setId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no hot spot set {setId}.");
        if (set.Status == HotspotSetStatus.Retired)
            throw new InvalidOperationException($"Hot spot set {setId} is retired and cannot be published again.");
        // No spot at a place no patrol can treat is published without the analyst's decision.
        if (set.Status == HotspotSetStatus.Draft && await places.UndecidedAsync(setId, cancellationToken) is { Count: > 0 } undecided)
            throw new InvalidOperationException(
                $"Set {setId} has {undecided.Count} spot{(undecided.Count == 1 ? "" : "s")} at places no patrol can treat: {string.Join("; ", undecided)}. Exclude or keep each before publishing.");
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var published in await db.Sets.Where(s => s.Status == HotspotSetStatus.Published && s.Id != setId).ToListAsync(cancellationToken))
                published.Status = HotspotSetStatus.Retired;
            set.Status = HotspotSetStatus.Published;
            set.PublishedUtc = now;
            set.PublishedBy = publishedBy;
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.RaiseAsync(HotspotRevisions.Published, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // This node loads the set now; every other node at its next use of the snapshot (tasking) or poll (the rest).
        await snapshot.CurrentAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(publishedBy, "hotspot.set.publish", $"hotspot set {setId}"), cancellationToken);
        await events.PublishAsync(new HotspotSetPublished(setId, now), cancellationToken);
    }
}

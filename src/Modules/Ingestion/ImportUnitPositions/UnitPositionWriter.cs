using HotSpots.Modules.Ingestion.Data;
using HotSpots.Platform.Geography;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Ingestion.ImportUnitPositions;

/// <summary>Writes a batch of feed positions in one transaction; a (unit, time) already held is left alone.</summary>
internal sealed class UnitPositionWriter(IngestionDbContext db, IMetricProjection projection)
{
    public async Task<(long Imported, long Unchanged)> WriteAsync(IReadOnlyList<UnitPositionRecord> batch, long importId, CancellationToken cancellationToken)
    {
        var units = batch.Select(b => b.UnitId).Distinct().ToList();
        var from = batch.Min(b => b.TimeUtc);
        var to = batch.Max(b => b.TimeUtc);
        var held = (await db.UnitPositions.AsNoTracking()
                .Where(p => units.Contains(p.UnitId) && p.TimeUtc >= from && p.TimeUtc <= to)
                .Select(p => new { p.UnitId, p.TimeUtc }).ToListAsync(cancellationToken))
            .Select(p => (p.UnitId, p.TimeUtc)).ToHashSet();
        long imported = 0, unchanged = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var record in batch)
        {
            if (!held.Add((record.UnitId, record.TimeUtc))) { unchanged++; continue; }
            var point = projection.Project(record.Latitude, record.Longitude);
            db.UnitPositions.Add(new UnitPositionRow
            {
                UnitId = record.UnitId, UnitType = record.UnitType, TimeUtc = record.TimeUtc, Latitude = record.Latitude,
                Longitude = record.Longitude, AccuracyMetres = record.AccuracyMetres, X = point.X, Y = point.Y, ImportId = importId,
            });
            imported++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (imported, unchanged);
    }
}

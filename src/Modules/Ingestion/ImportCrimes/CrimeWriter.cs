using HotSpots.Modules.Ingestion.Data;
using HotSpots.Platform.Geography;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>Writes a batch of records in one transaction: new keys are inserted, changed content updated, the rest left alone.</summary>
internal sealed class CrimeWriter(IngestionDbContext db, IMetricProjection projection)
{
    public async Task<BatchOutcome> WriteAsync(IReadOnlyList<CrimeRecord> batch, long importId, CancellationToken cancellationToken)
    {
        var outcome = new BatchOutcome();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var group in batch.GroupBy(r => r.Source))
        {
            var keys = group.Select(r => r.SourceKey).Distinct().ToList();
            var existing = await db.Crimes
                .Where(c => c.Source == group.Key && keys.Contains(c.SourceKey))
                .Include(c => c.People)
                .ToDictionaryAsync(c => c.SourceKey, StringComparer.Ordinal, cancellationToken);
            foreach (var record in group)
            {
                if (existing.TryGetValue(record.SourceKey, out var crime))
                {
                    if (crime.ContentHash == record.ContentHash) { outcome.Unchanged++; continue; }
                    Apply(record, crime, importId);
                    outcome.Updated++;
                }
                else
                {
                    crime = new Crime { Source = record.Source, SourceKey = record.SourceKey, Category = record.Category };
                    Apply(record, crime, importId);
                    db.Crimes.Add(crime);
                    existing[record.SourceKey] = crime;
                    outcome.Imported++;
                }
                if (crime.Unmappable) outcome.Unmappable++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return outcome;
    }

    private void Apply(CrimeRecord record, Crime crime, long importId)
    {
        crime.ContentHash = record.ContentHash;
        crime.Reference = record.Reference;
        crime.Category = record.Category;
        crime.OffenceCode = record.OffenceCode;
        crime.OccurredFromUtc = record.OccurredFromUtc;
        crime.OccurredToUtc = record.OccurredToUtc;
        crime.HasTimeOfDay = record.HasTimeOfDay;
        crime.Latitude = record.Latitude;
        crime.Longitude = record.Longitude;
        crime.Location = record.Location;
        crime.AreaCode = record.AreaCode;
        crime.Outcome = record.Outcome;
        crime.ImportId = importId;
        crime.Unmappable = record.Latitude is null;
        if (record.Latitude is { } lat && record.Longitude is { } lon)
        {
            var point = projection.Project(lat, lon);
            (crime.X, crime.Y) = (point.X, point.Y);
        }
        else
        {
            (crime.X, crime.Y) = (null, null);
        }
        crime.People.Clear();
        foreach (var (personId, role) in record.People)
            crime.People.Add(new PersonLink { PersonId = personId, Role = role });
    }
}

internal sealed class BatchOutcome
{
    public long Imported { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    public long Unmappable { get; set; }
}

using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.Harm;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Ingestion.QueryCrimes;

internal sealed class CrimeQueries(IngestionDbContext db, HarmSettings harm)
{
    public async Task<IReadOnlyList<CrimePoint>> PointsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var weights = await harm.WeightsAsync(cancellationToken);
        var rows = await db.Crimes.AsNoTracking()
            .Where(c => !c.Unmappable && c.OccurredFromUtc >= fromUtc && c.OccurredFromUtc < toUtc)
            .Select(c => new { c.Id, c.X, c.Y, c.Latitude, c.Longitude, c.OccurredFromUtc, c.HasTimeOfDay, c.Category, c.OffenceCode, c.Location })
            .ToListAsync(cancellationToken);
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        return rows.Select(r =>
        {
            var category = categories.TryGetValue(r.Category, out var known) ? known : categories[r.Category] = r.Category;
            return new CrimePoint(r.Id, r.X!.Value, r.Y!.Value, r.Latitude!.Value, r.Longitude!.Value, r.OccurredFromUtc,
                r.HasTimeOfDay, category, weights.DaysFor(category, r.OffenceCode), r.Location);
        }).ToList();
    }

    public async Task<IReadOnlyList<CategoryMonthCount>> MonthlyAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var weights = await harm.WeightsAsync(cancellationToken);
        var rows = await db.Crimes.AsNoTracking()
            .Where(c => c.OccurredFromUtc >= fromUtc && c.OccurredFromUtc < toUtc)
            .GroupBy(c => new { c.OccurredFromUtc.Year, c.OccurredFromUtc.Month, c.Category, c.OffenceCode })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Category, g.Key.OffenceCode, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.Year, r.Month, r.Category))
            .Select(g => new CategoryMonthCount(g.Key.Year, g.Key.Month, g.Key.Category, g.Sum(r => r.Count),
                g.Sum(r => r.Count * weights.DaysFor(r.Category, r.OffenceCode))))
            .OrderBy(r => r.Year).ThenBy(r => r.Month).ThenBy(r => r.Category).ToList();
    }

    public async Task<IReadOnlyList<UnitPosition>> UnitPositionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        await db.UnitPositions.AsNoTracking()
            .Where(p => p.TimeUtc >= fromUtc && p.TimeUtc < toUtc)
            .OrderBy(p => p.UnitId).ThenBy(p => p.TimeUtc)
            .Select(p => new UnitPosition(p.UnitId, p.UnitType, p.TimeUtc, p.Latitude, p.Longitude, p.AccuracyMetres, p.X, p.Y))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PersonCrimeLink>> PersonLinksAsync(DateTime fromUtc, DateTime toUtc, string? personId, CancellationToken cancellationToken)
    {
        var weights = await harm.WeightsAsync(cancellationToken);
        var links = db.PersonLinks.AsNoTracking().AsQueryable();
        if (personId is not null) links = links.Where(p => p.PersonId == personId);
        var rows = await links
            .Join(db.Crimes.Where(c => c.OccurredFromUtc >= fromUtc && c.OccurredFromUtc < toUtc), p => p.CrimeId, c => c.Id,
                (p, c) => new { p.PersonId, p.Role, c.Id, c.Reference, c.Category, c.OffenceCode, c.OccurredFromUtc, c.HasTimeOfDay, c.X, c.Y, c.Location })
            .OrderBy(r => r.OccurredFromUtc).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PersonCrimeLink(r.PersonId, r.Role, r.Id, r.Reference, r.Category, r.OccurredFromUtc, r.HasTimeOfDay,
            weights.DaysFor(r.Category, r.OffenceCode), r.X, r.Y, r.Location)).ToList();
    }

    public async Task<DateTime?> LatestAsync(CancellationToken cancellationToken) =>
        await db.Crimes.AsNoTracking().MaxAsync(c => (DateTime?)c.OccurredFromUtc, cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken) => db.Crimes.LongCountAsync(cancellationToken);
}

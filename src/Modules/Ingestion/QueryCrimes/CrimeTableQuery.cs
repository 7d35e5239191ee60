using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.Harm;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Ingestion.QueryCrimes;

/// <summary>
/// Mappable crimes as columns. EF Core writes the query (so that it is right on both providers), but the rows are read
/// straight from the data reader into arrays: materialising a million entities would cost seconds.
/// </summary>
internal sealed class CrimeTableQuery(IngestionDbContext db, HarmTable harm)
{
    public async Task<CrimeTable> ReadAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var query = db.Crimes.AsNoTracking()
            .Where(c => !c.Unmappable && c.OccurredFromUtc >= fromUtc && c.OccurredFromUtc < toUtc)
            .Select(c => new { c.X, c.Y, c.OccurredFromUtc, c.HasTimeOfDay, c.Category, c.Location });
        var x = new List<double>();
        var y = new List<double>();
        var ticks = new List<long>();
        var timed = new List<bool>();
        var category = new List<int>();
        var place = new List<int>();
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var places = new Dictionary<string, int>(StringComparer.Ordinal);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = query.CreateDbCommand();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                x.Add(reader.GetDouble(0));
                y.Add(reader.GetDouble(1));
                ticks.Add(reader.GetDateTime(2).Ticks);
                timed.Add(reader.GetBoolean(3));
                category.Add(Index(categories, reader.GetString(4)));
                place.Add(reader.IsDBNull(5) ? -1 : Index(places, reader.GetString(5)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var categoryNames = Names(categories);
        return new CrimeTable([.. x], [.. y], [.. ticks], [.. timed], [.. category], [.. place],
            categoryNames, categoryNames.Select(harm.DaysFor).ToList(), Names(places));
    }

    private static int Index(Dictionary<string, int> index, string value)
    {
        if (!index.TryGetValue(value, out var i)) index[value] = i = index.Count;
        return i;
    }

    private static string[] Names(Dictionary<string, int> index)
    {
        var names = new string[index.Count];
        foreach (var (name, i) in index) names[i] = name;
        return names;
    }
}

using System.Text.RegularExpressions;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Ingestion.QueryCrimes;

/// <summary>
/// Reads every mappable crime as columns, in id order, stamped with the revision of the crimes read before. EF Core writes the
/// query (so that it is right on both providers), but the rows are read straight from the data reader into arrays:
/// materialising a million entities would cost seconds.
/// </summary>
internal sealed partial class CrimeTableQuery(IngestionDbContext db)
{
    /// <param name="revision">The crimes' revision, read before this read begins: the copy then holds at least what it counts.</param>
    public async Task<MappableCrimes> ReadAsync(long revision, CancellationToken cancellationToken)
    {
        var query = db.Crimes.AsNoTracking()
            .Where(c => !c.Unmappable)
            .OrderBy(c => c.Id)
            .Select(c => new { c.X, c.Y, c.OccurredFromUtc, c.HasTimeOfDay, c.Category, c.Location, c.AreaCode });
        var x = new List<double>();
        var y = new List<double>();
        var ticks = new List<long>();
        var timed = new List<bool>();
        var category = new List<int>();
        var place = new List<int>();
        var area = new List<int>();
        var areas = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var places = new Dictionary<string, int>(StringComparer.Ordinal);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var sqlite = db.Database.IsSqlite();
            await using var command = query.CreateDbCommand();
            if (sqlite) command.CommandText = FullScan(command.CommandText);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            // SQLite runs in this process: its reads never wait on a network, and async reads only add overhead per row.
            while (sqlite ? reader.Read() : await reader.ReadAsync(cancellationToken))
            {
                x.Add(reader.GetDouble(0));
                y.Add(reader.GetDouble(1));
                ticks.Add(sqlite ? SqliteTicks(reader.GetString(2)) : reader.GetDateTime(2).Ticks);
                timed.Add(reader.GetBoolean(3));
                category.Add(Index(categories, reader.GetString(4)));
                place.Add(reader.IsDBNull(5) ? -1 : Index(places, reader.GetString(5)));
                area.Add(reader.IsDBNull(6) ? -1 : Index(areas, reader.GetString(6)));
                if ((x.Count & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new MappableCrimes(revision, [.. x], [.. y], [.. ticks], [.. timed], [.. category], [.. place], [.. area],
            Names(categories), Names(places), Names(areas));
    }

    /// <summary>
    /// SQLite could walk an index and fetch each row by id, several times slower than reading the table straight
    /// through (seconds for a million); the table itself is in id order, so the order costs nothing.
    /// </summary>
    private static string FullScan(string sql) => TableAlias().Replace(sql, "$0 NOT INDEXED", 1);

    [GeneratedRegex("FROM \"ingestion_crimes\" AS \"\\w+\"")]
    private static partial Regex TableAlias();

    /// <summary>
    /// EF Core keeps SQLite instants as text, "yyyy-MM-dd HH:mm:ss" with an optional fraction; reading that fixed layout
    /// directly is ten times faster than a general date parse, which a million rows notice.
    /// </summary>
    internal static long SqliteTicks(string text)
    {
        if (text.Length < 19 || text[4] != '-' || text[10] != ' ')
            return DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal).Ticks;
        static int Digits(string s, int at, int n)
        {
            var v = 0;
            for (var i = at; i < at + n; i++) v = v * 10 + (s[i] - '0');
            return v;
        }
        var ticks = new DateTime(Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2), Digits(text, 11, 2), Digits(text, 14, 2), Digits(text, 17, 2)).Ticks;
        if (text.Length > 20 && text[19] == '.')
        {
            var fraction = text.AsSpan(20);
            long f = 0;
            for (var i = 0; i < 7; i++) f = f * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
            ticks += f;
        }
        return ticks;
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

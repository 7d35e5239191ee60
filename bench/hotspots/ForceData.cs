using System.Globalization;
using HotSpots.Demo;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform.Geography;

namespace HotSpots.Hotspots.Bench;

/// <summary>The project's large demo force as crime points, projected and harm-weighted as the ingestion module does.</summary>
internal static class ForceData
{
    public static readonly DateOnly LastDay = new(2026, 10, 31);

    public static CrimeTable Table(int count, int months = 36, int seed = 7)
    {
        var projection = WktProjection.BritishNationalGrid();
        var harm = Harm();
        var categories = new Dictionary<string, int>();
        var places = new Dictionary<string, int>();
        var (x, y, ticks, category, place) = (new double[count], new double[count], new long[count], new int[count], new int[count]);
        var i = 0;
        foreach (var crime in DemoForce.Crimes(seed, LastDay, months, count))
        {
            var at = projection.Project(crime.Latitude, crime.Longitude);
            (x[i], y[i], ticks[i]) = (at.X, at.Y, crime.OccurredFrom.Ticks);
            category[i] = categories.TryGetValue(crime.Category, out var c) ? c : categories[crime.Category] = categories.Count;
            place[i] = places.TryGetValue(crime.Location, out var p) ? p : places[crime.Location] = places.Count;
            i++;
        }
        var categoryNames = categories.OrderBy(c => c.Value).Select(c => c.Key).ToList();
        return new CrimeTable(1, x, y, ticks, Enumerable.Repeat(true, count).ToArray(), category, place,
            categoryNames, categoryNames.Select(c => harm.GetValueOrDefault(c, 1)).ToList(), places.OrderBy(p => p.Value).Select(p => p.Key).ToList());
    }

    /// <summary>The harm weights the app ships (data/harm).</summary>
    private static Dictionary<string, double> Harm()
    {
        var file = Path.Combine(Root(), "data", "harm", "cchi-days-by-category.csv");
        return File.ReadLines(file).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture));
    }

    public static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "HotSpots.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the HotSpots repository.");
    }
}

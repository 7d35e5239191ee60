namespace HotSpots.Demo;

/// <summary>
/// A made-up force of many towns, for benchmarks at force scale (a million crimes and more): each town has a few
/// night-time-economy clusters, some growing and some fading over the months, on a background of scattered crime.
/// The same seed, end date, months and count always give the same crimes.
/// </summary>
public static class DemoForce
{
    /// <summary>Towns of the made-up force: name, position and share of its crime.</summary>
    internal static readonly (string Name, double Latitude, double Longitude, double Weight)[] Towns =
    [
        ("Reading", 51.4545, -0.9730, 18), ("Oxford", 51.7520, -1.2577, 16), ("Milton Keynes", 52.0406, -0.7594, 15),
        ("Slough", 51.5105, -0.5950, 12), ("High Wycombe", 51.6287, -0.7482, 8), ("Aylesbury", 51.8168, -0.8124, 7),
        ("Bracknell", 51.4154, -0.7536, 6), ("Maidenhead", 51.5218, -0.7177, 5), ("Newbury", 51.4014, -1.3231, 5),
        ("Banbury", 52.0629, -1.3398, 4), ("Wokingham", 51.4112, -0.8339, 3), ("Bicester", 51.8999, -1.1535, 3),
        ("Didcot", 51.6080, -1.2448, 3), ("Abingdon", 51.6708, -1.2879, 3), ("Witney", 51.7836, -1.4854, 2), ("Henley", 51.5357, -0.9032, 2),
    ];

    /// <summary>Generates <paramref name="count"/> crimes over the <paramref name="months"/> months ending on <paramref name="lastDay"/>.</summary>
    public static IEnumerable<DemoCrime> Crimes(int seed, DateOnly lastDay, int months, int count)
    {
        var random = new Random(seed);
        var people = new PeoplePool(random);
        var firstDay = lastDay.AddMonths(-months).AddDays(1);
        var days = lastDay.DayNumber - firstDay.DayNumber + 1;
        var clusters = Clusters(random).ToArray();
        var townTotal = Towns.Sum(t => t.Weight);
        for (var i = 0; i < count; i++)
        {
            var day = firstDay.AddDays(random.Next(days));
            var progress = (double)(day.DayNumber - firstDay.DayNumber) / days;
            DemoCrime crime;
            if (random.NextDouble() < 0.4)
            {
                // A cluster's pull changes over the months: some spots grow, others fade.
                var cluster = Pick(random, clusters, c => c.Weight * (1 + c.Drift * (progress - 0.5)));
                var category = Pick(random, DemoTown.NightCategories, c => c.Weight).Name;
                var (lat, lon) = Scatter(random, cluster.Latitude, cluster.Longitude, cluster.Spread);
                var hour = random.NextDouble() < 0.7 ? (21 + random.Next(7)) % 24 : random.Next(24);
                crime = new DemoCrime("", category, OffenceCodes.For(category), day.ToDateTime(new TimeOnly(hour, random.Next(60))),
                    lat, lon, $"On or near {cluster.Street}", []);
            }
            else
            {
                var town = Pick(random, Towns, t => t.Weight);
                var category = Pick(random, DemoTown.BackgroundCategories, c => c.Weight).Name;
                var (lat, lon) = Scatter(random, town.Latitude, town.Longitude, 600 + 150 * Math.Sqrt(town.Weight / townTotal * 100));
                var street = DemoTown.BackgroundStreets[random.Next(DemoTown.BackgroundStreets.Length)];
                crime = new DemoCrime("", category, OffenceCodes.For(category), day.ToDateTime(new TimeOnly(random.Next(24), random.Next(60))),
                    lat, lon, $"On or near {street}, {town.Name}", []);
            }
            yield return crime with { Reference = $"FORCE/{crime.OccurredFrom.Year}/{i + 1:0000000}", People = people.For(crime.Category) };
        }
    }

    private static IEnumerable<Spot> Clusters(Random random)
    {
        foreach (var town in Towns)
        {
            var n = 2 + (int)Math.Round(town.Weight / 3);
            for (var k = 0; k < n; k++)
            {
                var (lat, lon) = Scatter(random, town.Latitude, town.Longitude, 700);
                yield return new Spot($"{DemoTown.BackgroundStreets[random.Next(DemoTown.BackgroundStreets.Length)]}, {town.Name}", lat, lon,
                    30 + random.NextDouble() * 60, town.Weight * (0.3 + random.NextDouble()), random.NextDouble() * 1.6 - 0.8);
            }
        }
    }

    private static (double Latitude, double Longitude) Scatter(Random random, double latitude, double longitude, double spreadMetres)
    {
        var r = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
        var angle = 2 * Math.PI * random.NextDouble();
        const double metresPerDegree = 111_320;
        var lat = latitude + r * Math.Sin(angle) * spreadMetres / metresPerDegree;
        var lon = longitude + r * Math.Cos(angle) * spreadMetres / (metresPerDegree * Math.Cos(latitude * Math.PI / 180));
        return (Math.Round(lat, 6), Math.Round(lon, 6));
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = 0.0;
        foreach (var item in items) total += weight(item);
        var target = random.NextDouble() * total;
        foreach (var item in items)
        {
            target -= weight(item);
            if (target <= 0) return item;
        }
        return items[^1];
    }

    private sealed record Spot(string Street, double Latitude, double Longitude, double Spread, double Weight, double Drift);
}

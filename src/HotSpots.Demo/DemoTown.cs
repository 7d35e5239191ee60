namespace HotSpots.Demo;

/// <summary>
/// A made-up force around Reading town centre: a few night-time-economy clusters on real streets and a
/// background of scattered crime, with evening and weekend peaks for violence. The same seed and end date
/// always give the same crimes.
/// </summary>
public static class DemoTown
{
    public const double CentreLatitude = 51.4545;
    public const double CentreLongitude = -0.9730;

    /// <summary>Night-time-economy clusters: a street, its position, and its share of the town's evening violence.</summary>
    internal static readonly Cluster[] Clusters =
    [
        new("Friar Street", 51.45640, -0.97280, 60, 0.30),
        new("Station Road", 51.45680, -0.97120, 45, 0.18),
        new("Broad Street", 51.45550, -0.97260, 55, 0.17),
        new("Oracle Riverside", 51.45300, -0.97050, 50, 0.14),
        new("Oxford Road", 51.45590, -0.98550, 80, 0.13),
        new("London Street", 51.45180, -0.96610, 50, 0.08),
    ];

    internal static readonly string[] BackgroundStreets =
    [
        "Queens Road", "Kings Road", "Castle Street", "Southampton Street", "Erleigh Road", "Wokingham Road",
        "Basingstoke Road", "Bath Road", "Tilehurst Road", "Caversham Road", "Vastern Road", "Forbury Road",
        "Russell Street", "Baker Street", "Chatham Street", "Crown Street", "Silver Street", "Cemetery Junction",
        "London Road", "Eldon Road", "Whitley Street", "Northumberland Avenue", "Shinfield Road", "Christchurch Road",
        "Redlands Road", "Addington Road", "Cholmeley Road", "George Street", "Prospect Street", "Gosbrook Road",
        "Church Road", "Henley Road", "Portman Road", "Norcot Road", "Grovelands Road", "Pangbourne Street",
        "Cardiff Road", "Kennet Side", "Gas Works Road", "Richfield Avenue",
    ];

    /// <summary>Generates a year (or <paramref name="days"/>) of crimes ending on <paramref name="lastDay"/>, about <paramref name="perYear"/> a year.</summary>
    public static IEnumerable<DemoCrime> Crimes(int seed, DateOnly lastDay, int days = 365, int perYear = 15_000)
    {
        var random = new Random(seed);
        var people = new PeoplePool(random);
        var firstDay = lastDay.AddDays(1 - days);
        var count = (int)Math.Round(perYear * days / 365.0);
        for (var i = 0; i < count; i++)
        {
            var day = firstDay.AddDays(random.Next(days));
            var inCluster = random.NextDouble() < 0.38;
            var crime = inCluster ? ClusterCrime(random, day) : BackgroundCrime(random, day);
            // Moving a crime to its weekend night can carry it past the last day: a week earlier keeps the night, not the future.
            while (DateOnly.FromDateTime(crime.OccurredFrom) > lastDay) crime = crime with { OccurredFrom = crime.OccurredFrom.AddDays(-7) };
            yield return crime with
            {
                Reference = $"DEMO/{crime.OccurredFrom.Year}/{i + 1:000000}",
                People = people.For(crime.Category),
                AreaCode = Neighbourhood(crime.Latitude, crime.Longitude),
            };
        }
    }

    /// <summary>Reading's neighbourhoods (named after its wards), each the area nearest its centre.</summary>
    internal static readonly (string Name, double Latitude, double Longitude)[] Neighbourhoods =
    [
        ("Abbey", 51.4560, -0.9710), ("Battle", 51.4610, -0.9930), ("Katesgrove", 51.4440, -0.9710), ("Redlands", 51.4470, -0.9530),
        ("Park", 51.4540, -0.9450), ("Minster", 51.4450, -0.9900), ("Caversham", 51.4700, -0.9750), ("Whitley", 51.4300, -0.9650),
        ("Norcot", 51.4640, -1.0150), ("Southcote", 51.4450, -1.0150),
    ];

    public static string Neighbourhood(double latitude, double longitude) =>
        Neighbourhoods.MinBy(n => Math.Pow(n.Latitude - latitude, 2) + Math.Pow((n.Longitude - longitude) * 0.62, 2)).Name;

    private static DemoCrime ClusterCrime(Random random, DateOnly day)
    {
        var cluster = Pick(random, Clusters, c => c.Weight);
        var category = Pick(random, NightCategories, c => c.Weight).Name;
        var (lat, lon) = Scatter(random, cluster.Latitude, cluster.Longitude, cluster.SpreadMetres);
        // Night-time economy: most incidents on Friday and Saturday nights, 21:00 to 03:00.
        var nightOut = random.NextDouble() < 0.75;
        var date = nightOut ? NearestWeekendNight(random, day) : day;
        var hour = nightOut ? (21 + random.Next(7)) % 24 : Pick(random, Hours, h => EveningWeight(h));
        if (nightOut && hour < 4) date = date.AddDays(1);
        return new DemoCrime("", category, OffenceCodes.For(category), date.ToDateTime(new TimeOnly(hour, random.Next(60))),
            lat, lon, $"On or near {cluster.Street}", []);
    }

    private static DemoCrime BackgroundCrime(Random random, DateOnly day)
    {
        var category = Pick(random, BackgroundCategories, c => c.Weight).Name;
        var (lat, lon) = Scatter(random, CentreLatitude, CentreLongitude, 1600);
        var violent = category is "Violence and sexual offences" or "Robbery" or "Public order";
        var weekend = day.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday;
        if (violent && !weekend && random.NextDouble() < 0.3) day = NearestWeekendNight(random, day);
        var hour = Pick(random, Hours, h => violent ? EveningWeight(h) : DaytimeWeight(h));
        var street = BackgroundStreets[(int)((Math.Floor(lat * 300) * 31 + Math.Floor(lon * 200)) % BackgroundStreets.Length + BackgroundStreets.Length) % BackgroundStreets.Length];
        return new DemoCrime("", category, OffenceCodes.For(category), day.ToDateTime(new TimeOnly(hour, random.Next(60))),
            lat, lon, $"On or near {street}", []);
    }

    private static DateOnly NearestWeekendNight(Random random, DateOnly day)
    {
        var target = random.NextDouble() < 0.55 ? DayOfWeek.Saturday : DayOfWeek.Friday;
        var shift = ((int)target - (int)day.DayOfWeek + 7) % 7;
        return shift <= 3 ? day.AddDays(shift) : day.AddDays(shift - 7);
    }

    private static double EveningWeight(int hour) => hour switch
    {
        >= 19 and <= 23 => 9, 0 or 1 or 2 => 7, 3 or 4 => 3, >= 15 and <= 18 => 4, _ => 1.2,
    };

    private static double DaytimeWeight(int hour) => hour switch
    {
        >= 9 and <= 18 => 6, >= 19 and <= 22 => 4, >= 7 and <= 8 => 3, _ => 1,
    };

    private static readonly int[] Hours = Enumerable.Range(0, 24).ToArray();

    internal static readonly (string Name, double Weight)[] NightCategories =
    [
        ("Violence and sexual offences", 46), ("Public order", 16), ("Anti-social behaviour", 14), ("Theft from the person", 7),
        ("Robbery", 4), ("Criminal damage and arson", 5), ("Drugs", 4), ("Possession of weapons", 2), ("Other theft", 2),
    ];

    internal static readonly (string Name, double Weight)[] BackgroundCategories =
    [
        ("Anti-social behaviour", 22), ("Violence and sexual offences", 24), ("Criminal damage and arson", 10), ("Other theft", 9),
        ("Vehicle crime", 8), ("Shoplifting", 7), ("Burglary", 6), ("Public order", 5), ("Bicycle theft", 2.5), ("Drugs", 2),
        ("Other crime", 2), ("Robbery", 1), ("Theft from the person", 1), ("Possession of weapons", 0.5),
    ];

    /// <summary>A point scattered around a centre with a normal spread (metres), as lat/lon.</summary>
    private static (double Latitude, double Longitude) Scatter(Random random, double latitude, double longitude, double spreadMetres)
    {
        var (dx, dy) = (Normal(random) * spreadMetres, Normal(random) * spreadMetres);
        const double metresPerDegree = 111_320;
        var lat = latitude + dy / metresPerDegree;
        var lon = longitude + dx / (metresPerDegree * Math.Cos(latitude * Math.PI / 180));
        return (Math.Round(lat, 6), Math.Round(lon, 6));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var target = random.NextDouble() * total;
        foreach (var item in items)
        {
            target -= weight(item);
            if (target <= 0) return item;
        }
        return items[^1];
    }

    internal sealed record Cluster(string Street, double Latitude, double Longitude, double SpreadMetres, double Weight);
}

/// <summary>One generated crime, in the terms of the force records format.</summary>
public sealed record DemoCrime(
    string Reference, string Category, string OffenceCode, DateTime OccurredFrom, double Latitude, double Longitude, string Location,
    IReadOnlyList<(string PersonId, string Role)> People, string? AreaCode = null);

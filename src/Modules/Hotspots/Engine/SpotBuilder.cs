using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Simplify;

namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>A spot computed by a refresh, before it is stored.</summary>
internal sealed record BuiltSpot(int Rank, string Name, Geometry Polygon, GeoPoint Centre, IReadOnlyList<GeoPoint> Outline,
    double Score, double Harm, int CrimeCount, HotspotWhy Why, double GiZ, bool Significant);

/// <summary>Turns scored spots into polygons with a name and the reasons they are hot.</summary>
internal sealed class SpotBuilder(IMetricProjection projection, ForceOptions force)
{
    private static readonly GeometryFactory Geometry = new();

    public IReadOnlyList<BuiltSpot> Build(ScoredGrid grid, CrimeTable crimes, MonthWindows months, int trainingMonths,
        IReadOnlySet<string> categories, double falseDiscoveryRate)
    {
        var frame = grid.Frame;
        var spotOfCell = new Dictionary<int, int>();
        for (var i = 0; i < grid.Spots.Count; i++)
            foreach (var cell in grid.Spots[i].Cells) spotOfCell[cell] = i;
        var fromUtc = months.StartUtc(months.Count - trainingMonths);
        var toUtc = months.ToUtc;
        // A trend compares like with like: each training month with the same month a period earlier, over the pairs where
        // both months hold data (a missing month is missing data, not a fall in crime). It needs 3 in 4 pairs (MonthsHeld).
        var periodStart = months.Count - trainingMonths;
        var paired = new bool[trainingMonths];
        if (months.Count >= 2 * trainingMonths)
            for (var p = 0; p < trainingMonths; p++)
                paired[p] = grid.MonthsWithData[periodStart - trainingMonths + p] && grid.MonthsWithData[periodStart + p];
        var pairs = paired.Count(p => p);
        var previousHeld = pairs > 0 && pairs >= MonthsHeld.MinHeld(trainingMonths);
        var previousFrom = previousHeld ? months.StartUtc(months.Count - 2 * trainingMonths) : (DateTime?)null;
        var now = grid.Spots.Select(_ => new List<int>()).ToArray();
        var before = grid.Spots.Select(_ => new List<int>()).ToArray();
        var nowPaired = grid.Spots.Select(_ => new List<int>()).ToArray();
        long from = fromUtc.Ticks, to = toUtc.Ticks, earliest = (previousFrom ?? fromUtc).Ticks;
        for (var c = 0; c < crimes.Count; c++)
        {
            var at = crimes.OccurredUtcTicks[c];
            if (at >= to || at < earliest) continue;
            var cell = frame.IndexOf(crimes.X[c], crimes.Y[c]);
            if (cell < 0 || !spotOfCell.TryGetValue(cell, out var index)) continue;
            if (at >= from) now[index].Add(c);
            var month = months.MonthOf(at);
            if (!previousHeld || month < 0 || !paired[(month - periodStart + trainingMonths) % trainingMonths]) continue;
            (at >= from ? nowPaired : before)[index].Add(c);
        }
        var isTarget = crimes.Categories.Select(categories.Contains).ToArray();

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return grid.Spots.Select((spot, i) =>
        {
            var polygon = Outline(spot.Cells.Select(frame.CellAt), frame.CellSize);
            var centre = polygon.InteriorPoint;
            var targets = now[i].Where(c => isTarget[crimes.Category[c]]).ToList();
            var earlier = before[i].Where(c => isTarget[crimes.Category[c]]).ToList();
            var comparable = nowPaired[i].Where(c => isTarget[crimes.Category[c]]).ToList();
            double Harm(List<int> list) => list.Sum(c => crimes.CategoryHarm[crimes.Category[c]]);
            var why = Why(crimes, now[i], isTarget, fromUtc, toUtc) with
            {
                Trend = previousFrom is null ? null
                    : new HotspotTrend(earlier.Count, comparable.Count, Harm(earlier), Harm(comparable), pairs == trainingMonths ? null : pairs),
                Significance = new HotspotSignificance(Math.Round(spot.GiZ, 2), spot.Significant, falseDiscoveryRate),
            };
            var name = UniqueName(why.Places, i + 1, names);
            return new BuiltSpot(i + 1, name, polygon, projection.Unproject(centre.X, centre.Y),
                ExteriorRing.Of(polygon).Select(c => projection.Unproject(c.X, c.Y)).ToList(),
                spot.Score, Harm(targets), targets.Count, why, spot.GiZ, spot.Significant);
        }).ToList();
    }

    /// <summary>The main place name; where another spot has it already, the two main places, then the rank.</summary>
    private static string UniqueName(IReadOnlyList<string> places, int rank, HashSet<string> taken)
    {
        string[] candidates =
        [
            places.Count > 0 ? places[0] : $"Hot spot {rank}",
            places.Count > 1 ? $"{places[0]} & {places[1]}" : "",
            places.Count > 0 ? $"{places[0]} ({rank})" : $"Hot spot {rank}",
        ];
        var name = candidates.First(c => c.Length > 0 && !taken.Contains(c));
        taken.Add(name);
        return name;
    }

    /// <summary>The union of the cells' squares: one polygon per contiguous group, with only its real corners.</summary>
    public static Geometry Outline(IEnumerable<Cell> cells, double size)
    {
        var squares = cells.Select(c =>
        {
            double x = c.Column * size, y = c.Row * size;
            return (Geometry)Geometry.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);
        }).ToList();
        // The union keeps the squares' vertices along straight edges; a zero tolerance drops exactly those.
        return DouglasPeuckerSimplifier.Simplify(UnaryUnionOp.Union(squares), 0);
    }

    private HotspotWhy Why(CrimeTable crimes, List<int> inSpot, bool[] isTarget, DateTime fromUtc, DateTime toUtc)
    {
        var byCategory = inSpot.GroupBy(c => crimes.Category[c])
            .Select(g => (Target: isTarget[g.Key], Count: new CategoryCount(crimes.Categories[g.Key], g.Count(), g.Count() * crimes.CategoryHarm[g.Key])))
            .OrderByDescending(c => c.Target).ThenByDescending(c => c.Count.Harm).ThenBy(c => c.Count.Category)
            .Select(c => c.Count).ToList();
        var places = inSpot.Where(c => crimes.Place[c] >= 0 && !string.IsNullOrWhiteSpace(crimes.Places[crimes.Place[c]]))
            .GroupBy(c => PlaceName(crimes.Places[crimes.Place[c]]))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Take(3).Select(g => g.Key).ToList();
        var timed = inSpot.Where(c => crimes.HasTimeOfDay[c] && isTarget[crimes.Category[c]])
            .Select(c => Local(crimes.OccurredUtcTicks[c])).ToList();
        var enough = timed.Count >= 5;
        var peakHours = !enough ? [] : timed.GroupBy(t => t.Hour)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(3).Select(g => g.Key).Order().ToList();
        var peakDays = !enough ? [] : timed.GroupBy(t => t.DayOfWeek)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(2).Select(g => g.Key).ToList();
        var peakTimes = !enough ? [] : timed.GroupBy(t => (t.DayOfWeek, t.Hour))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.DayOfWeek).ThenBy(g => g.Key.Hour).Take(3)
            .Select(g => new PeakTime(g.Key.DayOfWeek, g.Key.Hour, g.Count())).ToList();
        return new HotspotWhy(fromUtc, toUtc, byCategory, places, peakHours, peakDays, peakTimes);
    }

    private readonly Dictionary<long, TimeSpan> _offsets = [];

    /// <summary>Local time, with the zone's offset looked up once per hour (time-zone conversion is slow, and spots hold thousands of crimes).</summary>
    private DateTime Local(long utcTicks)
    {
        var hour = utcTicks / TimeSpan.TicksPerHour;
        if (!_offsets.TryGetValue(hour, out var offset))
            _offsets[hour] = offset = force.TimeZoneInfo.GetUtcOffset(new DateTime(hour * TimeSpan.TicksPerHour, DateTimeKind.Utc));
        return new DateTime(utcTicks + offset.Ticks, DateTimeKind.Unspecified);
    }

    private static string PlaceName(string location) =>
        location.StartsWith("On or near ", StringComparison.OrdinalIgnoreCase) ? location["On or near ".Length..] : location;
}

using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>A spot computed by a refresh, before it is stored.</summary>
internal sealed record BuiltSpot(int Rank, string Name, Geometry Polygon, GeoPoint Centre, IReadOnlyList<GeoPoint> Outline,
    double Score, double Harm, int CrimeCount, HotspotWhy Why);

/// <summary>Turns groups of cells into polygons with a name and the reasons they are hot.</summary>
internal sealed class SpotBuilder(IMetricProjection projection, ForceOptions force)
{
    private static readonly GeometryFactory Geometry = new();

    public IReadOnlyList<BuiltSpot> Build(
        IReadOnlyList<IReadOnlyList<Cell>> spots, IReadOnlyDictionary<Cell, double> scores, IReadOnlyList<CrimePoint> crimes,
        double cellSize, IReadOnlySet<string> categories, DateTime fromUtc, DateTime toUtc)
    {
        var spotOfCell = new Dictionary<Cell, int>();
        for (var i = 0; i < spots.Count; i++)
            foreach (var cell in spots[i]) spotOfCell[cell] = i;
        var crimesOfSpot = spots.Select(_ => new List<CrimePoint>()).ToArray();
        foreach (var crime in crimes)
            if (spotOfCell.TryGetValue(Cell.Of(crime.X, crime.Y, cellSize), out var index))
                crimesOfSpot[index].Add(crime);

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return spots.Select((cells, i) =>
        {
            var polygon = Outline(cells, cellSize);
            var centre = polygon.InteriorPoint;
            var inSpot = crimesOfSpot[i];
            var why = Why(inSpot, categories, fromUtc, toUtc);
            var name = UniqueName(why.Places, i + 1, names);
            var targets = inSpot.Where(c => categories.Contains(c.Category)).ToList();
            return new BuiltSpot(i + 1, name, polygon, projection.Unproject(centre.X, centre.Y),
                ExteriorRing.Of(polygon).Select(c => projection.Unproject(c.X, c.Y)).ToList(),
                cells.Sum(c => scores[c]), targets.Sum(c => c.Harm), targets.Count, why);
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

    private static Geometry Outline(IReadOnlyList<Cell> cells, double size)
    {
        var squares = cells.Select(c =>
        {
            double x = c.Column * size, y = c.Row * size;
            return (Geometry)Geometry.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);
        }).ToList();
        return UnaryUnionOp.Union(squares);
    }

    private HotspotWhy Why(IReadOnlyList<CrimePoint> crimes, IReadOnlySet<string> categories, DateTime fromUtc, DateTime toUtc)
    {
        var byCategory = crimes.GroupBy(c => c.Category)
            .Select(g => new CategoryCount(g.Key, g.Count(), g.Sum(c => c.Harm)))
            .OrderByDescending(c => categories.Contains(c.Category)).ThenByDescending(c => c.Harm).ThenBy(c => c.Category)
            .ToList();
        var places = crimes.Where(c => !string.IsNullOrWhiteSpace(c.Location))
            .GroupBy(c => PlaceName(c.Location!))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Take(3).Select(g => g.Key).ToList();
        var timed = crimes.Where(c => c.HasTimeOfDay && categories.Contains(c.Category))
            .Select(c => force.UtcToLocal(c.OccurredUtc)).ToList();
        var peakHours = timed.Count < 5 ? [] : timed.GroupBy(t => t.Hour)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(3).Select(g => g.Key).Order().ToList();
        var peakDays = timed.Count < 5 ? [] : timed.GroupBy(t => t.DayOfWeek)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(2).Select(g => g.Key).ToList();
        return new HotspotWhy(fromUtc, toUtc, byCategory, places, peakHours, peakDays);
    }

    private static string PlaceName(string location) =>
        location.StartsWith("On or near ", StringComparison.OrdinalIgnoreCase) ? location["On or near ".Length..] : location;
}

using System.Globalization;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Modules.Ingestion.Contracts;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace HotSpots.Modules.Hotspots.Places;

/// <summary>A place on the force's list, in projected metres (a point place is its circle).</summary>
internal sealed record KnownPlace(string Name, PlaceKind Kind, Geometry Shape);

/// <summary>A spot found at a place: what kind, which place, how, why (in words), and the spot's cells that hold it.</summary>
internal sealed record FoundFlag(PlaceKind Kind, string Place, PlaceMatch Match, string Reason, IReadOnlyList<Cell> Cells);

/// <summary>The spots of a refresh as the flagger sees them: each spot's cells, and the training window of the target crimes.</summary>
internal sealed record FlagRequest(
    IReadOnlyList<IReadOnlyList<Cell>> Spots, double CellSize, CrimeTable Crimes, long FromUtcTicks, long ToUtcTicks,
    IReadOnlySet<string> TargetCategories, IReadOnlyList<KnownPlace> Places, double MinShare);

/// <summary>
/// Finds the spots at places no patrol can treat (pure: no I/O, no clock). A spot is flagged
/// <list type="bullet">
/// <item>by the records' location when at least <see cref="FlagRequest.MinShare"/> of its target crimes in the training
/// window are recorded at a location whose name is such a place (<see cref="PlaceNames"/>);</item>
/// <item>by the force's list when a listed place's shape overlaps the spot.</item>
/// </list>
/// The cells of a flag are those that hold the named location's crimes, or that the listed place overlaps: the area an
/// exclusion leaves out of later refreshes.
/// </summary>
internal static class PlaceFlagger
{
    public static IReadOnlyList<FoundFlag>[] Flag(FlagRequest request)
    {
        var crimes = request.Crimes;
        var size = request.CellSize;
        var spotOfCell = new Dictionary<Cell, int>();
        for (var i = 0; i < request.Spots.Count; i++)
            foreach (var cell in request.Spots[i]) spotOfCell[cell] = i;
        var kindOfPlace = new PlaceKind?[crimes.Places.Count];
        for (var p = 0; p < kindOfPlace.Length; p++) kindOfPlace[p] = PlaceNames.KindOf(crimes.Places[p]);
        var isTarget = crimes.Categories.Select(request.TargetCategories.Contains).ToArray();

        var outlines = request.Spots.Select(cells => SpotBuilder.Outline(cells, size)).ToArray();
        var listed = request.Spots.Select((_, i) => request.Places
            .Select((place, k) => (place, k))
            .Where(x => Overlaps(x.place.Shape, outlines[i]))
            .Select(x => (x.k, Prepared: PreparedGeometryFactory.Prepare(x.place.Shape)))
            .ToList()).ToArray();

        var targets = new int[request.Spots.Count];
        var byName = new Dictionary<(int Spot, string Name), (PlaceKind Kind, int Count, HashSet<Cell> Cells)>();
        var insideListed = new Dictionary<(int Spot, int Place), int>();
        var factory = new GeometryFactory();
        for (var c = 0; c < crimes.Count; c++)
        {
            var at = crimes.OccurredUtcTicks[c];
            if (at < request.FromUtcTicks || at >= request.ToUtcTicks || !isTarget[crimes.Category[c]]) continue;
            var cell = Cell.Of(crimes.X[c], crimes.Y[c], size);
            if (!spotOfCell.TryGetValue(cell, out var spot)) continue;
            targets[spot]++;
            var place = crimes.Place[c];
            if (place >= 0 && kindOfPlace[place] is { } kind)
            {
                var key = (spot, PlaceNames.Bare(crimes.Places[place]));
                var (_, count, cells) = byName.TryGetValue(key, out var found) ? found : (kind, 0, new HashSet<Cell>());
                cells.Add(cell);
                byName[key] = (kind, count + 1, cells);
            }
            if (listed[spot].Count > 0)
            {
                var point = factory.CreatePoint(new Coordinate(crimes.X[c], crimes.Y[c]));
                foreach (var (k, prepared) in listed[spot])
                    if (prepared.Covers(point)) insideListed[(spot, k)] = insideListed.GetValueOrDefault((spot, k)) + 1;
            }
        }

        var flags = request.Spots.Select(_ => new List<FoundFlag>()).ToArray();
        foreach (var ((spot, name), (kind, count, cells)) in byName.OrderBy(e => e.Key.Spot).ThenByDescending(e => e.Value.Count).ThenBy(e => e.Key.Name, StringComparer.Ordinal))
        {
            if (targets[spot] == 0 || count < request.MinShare * targets[spot]) continue;
            var share = (int)Math.Round(100.0 * count / targets[spot]);
            flags[spot].Add(new FoundFlag(kind, name, PlaceMatch.RecordLocation,
                string.Create(CultureInfo.InvariantCulture,
                    $"{count} of the {targets[spot]} target crimes here ({share} %) are recorded \"On or near {name}\": {Article(kind)} by its name."),
                Ordered(cells)));
        }
        for (var spot = 0; spot < request.Spots.Count; spot++)
            foreach (var (k, prepared) in listed[spot])
            {
                var place = request.Places[k];
                var within = prepared.Covers(outlines[spot]) ? "covers the whole spot"
                    : outlines[spot].Covers(place.Shape) ? "lies within the spot" : "overlaps the spot";
                var inside = insideListed.GetValueOrDefault((spot, k));
                var cells = request.Spots[spot].Where(cell => Overlaps(place.Shape, Square(factory, cell, size))).ToList();
                flags[spot].Add(new FoundFlag(place.Kind, place.Name, PlaceMatch.ForceList,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{place.Name} ({PlaceKinds.Describe(place.Kind)}, on the force's list of places) {within}; {inside} of the {targets[spot]} target crimes here are inside it."),
                    Ordered(cells.Count > 0 ? cells : request.Spots[spot])));
            }
        return flags.Select(f => (IReadOnlyList<FoundFlag>)f).ToArray();
    }

    /// <summary>Shapes that share some area (touching edges do not count).</summary>
    private static bool Overlaps(Geometry a, Geometry b) => a.Intersects(b) && a.Intersection(b).Area > 0;

    private static string Article(PlaceKind kind) => kind switch
    {
        PlaceKind.Hospital => "a hospital (it may be a secure one)",
        _ => "a " + PlaceKinds.Describe(kind),
    };

    private static IReadOnlyList<Cell> Ordered(IEnumerable<Cell> cells) => cells.Distinct().OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();

    private static Polygon Square(GeometryFactory factory, Cell cell, double size)
    {
        double x = cell.Column * size, y = cell.Row * size;
        return factory.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);
    }
}

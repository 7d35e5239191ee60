using HotSpots.Modules.Hotspots.Engine;
using NetTopologySuite.Geometries;

namespace HotSpots.Hotspots.Tests;

public sealed class SpotFinderTests
{
    private static readonly GridFrame Frame = new(150, -5, -5, 40, 40);

    private static IReadOnlyList<Cell[]> Find(Dictionary<Cell, float> scores, int count, int maxCellsPerSpot) =>
        SpotFinder.Find(Frame, scores.Keys.Select(Frame.IndexOf).ToArray(), scores.Values.ToArray(), count, maxCellsPerSpot)
            .Select(s => s.Select(Frame.CellAt).ToArray()).ToList();

    [Fact]
    public void Contiguous_top_cells_merge_into_one_spot_up_to_the_maximum_size()
    {
        // A row of five hot cells, and one lone cell far away.
        var scores = new Dictionary<Cell, float>
        {
            [new(0, 0)] = 10, [new(1, 0)] = 9, [new(2, 0)] = 8, [new(3, 0)] = 7, [new(4, 0)] = 6, [new(20, 20)] = 5,
        };
        var spots = Find(scores, count: 3, maxCellsPerSpot: 3);
        spots.Count.ShouldBe(3);
        spots[0].ShouldBe([new Cell(0, 0), new Cell(1, 0), new Cell(2, 0)], ignoreOrder: true);
        spots[1].ShouldBe([new Cell(3, 0), new Cell(4, 0)], ignoreOrder: true);
        spots[2].ShouldBe([new Cell(20, 20)]);
    }

    [Fact]
    public void A_spot_grows_by_its_best_neighbour_and_diagonal_cells_are_not_contiguous()
    {
        var scores = new Dictionary<Cell, float> { [new(0, 0)] = 9, [new(1, 1)] = 8, [new(0, 1)] = 2, [new(-1, 0)] = 3 };
        var spots = Find(scores, count: 5, maxCellsPerSpot: 2);
        spots[0].ShouldBe([new Cell(0, 0), new Cell(-1, 0)], ignoreOrder: true); // (−1, 0) scores more than (0, 1)
        spots[1].ShouldBe([new Cell(1, 1), new Cell(0, 1)], ignoreOrder: true);
        Find(new() { [new(0, 0)] = 5, [new(1, 1)] = 4 }, count: 5, maxCellsPerSpot: 4).Count.ShouldBe(2);
    }

    [Fact]
    public void Only_the_top_n_spots_by_total_score_are_kept()
    {
        var scores = Enumerable.Range(0, 10).ToDictionary(i => new Cell(i * 3, 0), i => (float)i + 1);
        var spots = Find(scores, count: 3, maxCellsPerSpot: 2);
        spots.Select(s => s.Single().Column).ShouldBe([27, 24, 21]);
    }

    [Fact]
    public void Cells_without_a_positive_score_never_make_a_spot()
    {
        Find(new() { [new(0, 0)] = 0, [new(3, 3)] = -1 }, count: 5, maxCellsPerSpot: 4).ShouldBeEmpty();
    }

    [Fact]
    public void A_spot_outline_is_the_union_of_its_cells()
    {
        // An L of three cells is one polygon of 3 × 150² m² with 6 corners; two cells apart are two polygons.
        var l = SpotBuilder.Outline([new Cell(0, 0), new Cell(1, 0), new Cell(1, 1)], 150);
        l.ShouldBeOfType<Polygon>();
        l.Area.ShouldBe(3 * 150 * 150, 1e-6);
        ((Polygon)l).ExteriorRing.NumPoints.ShouldBe(7);
        ((Polygon)l).Holes.ShouldBeEmpty();
        var apart = SpotBuilder.Outline([new Cell(0, 0), new Cell(2, 0)], 150);
        apart.NumGeometries.ShouldBe(2);
        apart.EnvelopeInternal.ShouldBe(new Envelope(0, 450, 0, 150));
    }
}

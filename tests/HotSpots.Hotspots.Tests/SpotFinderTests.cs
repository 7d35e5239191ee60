using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Modules.Ingestion.Contracts;

namespace HotSpots.Hotspots.Tests;

public sealed class SpotFinderTests
{
    private static readonly HashSet<string> Violence = ["Violence and sexual offences"];

    private static CrimePoint Crime(double x, double y, double harm = 1, string category = "Violence and sexual offences") =>
        new(0, x, y, 0, 0, DateTime.UnixEpoch, false, category, harm, null);

    [Fact]
    public void Each_crime_adds_its_harm_to_the_cell_it_falls_in_and_other_categories_are_left_out()
    {
        var scores = HarmGrid.Score(
        [
            Crime(10, 10, 5), Crime(149.9, 149.9, 2), Crime(150, 10, 7), Crime(-1, 10, 3), Crime(20, 20, 100, "Shoplifting"),
        ], 150, Violence);
        scores[new Cell(0, 0)].ShouldBe(7);
        scores[new Cell(1, 0)].ShouldBe(7);
        scores[new Cell(-1, 0)].ShouldBe(3);
        scores.Count.ShouldBe(3);
    }

    [Fact]
    public void Contiguous_top_cells_merge_into_one_spot_up_to_the_maximum_size()
    {
        // A row of five hot cells, and one lone cell far away.
        var scores = new Dictionary<Cell, double>
        {
            [new(0, 0)] = 10, [new(1, 0)] = 9, [new(2, 0)] = 8, [new(3, 0)] = 7, [new(4, 0)] = 6, [new(20, 20)] = 5,
        };
        var spots = SpotFinder.Find(scores, count: 3, maxCellsPerSpot: 3);
        spots.Count.ShouldBe(3);
        spots[0].ShouldBe([new Cell(0, 0), new Cell(1, 0), new Cell(2, 0)], ignoreOrder: true);
        spots[1].ShouldBe([new Cell(3, 0), new Cell(4, 0)], ignoreOrder: true);
        spots[2].ShouldBe([new Cell(20, 20)]);
    }

    [Fact]
    public void Diagonal_neighbours_are_not_contiguous()
    {
        var scores = new Dictionary<Cell, double> { [new(0, 0)] = 5, [new(1, 1)] = 4 };
        SpotFinder.Find(scores, count: 5, maxCellsPerSpot: 4).Count.ShouldBe(2);
    }

    [Fact]
    public void Only_the_top_n_spots_by_total_score_are_kept()
    {
        var scores = Enumerable.Range(0, 10).ToDictionary(i => new Cell(i * 10, 0), i => (double)i + 1);
        var spots = SpotFinder.Find(scores, count: 3, maxCellsPerSpot: 2);
        spots.Select(s => s.Single().Column).ShouldBe([90, 80, 70]);
    }
}

using HotSpots.Modules.Hotspots;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion;
using HotSpots.Testing;

namespace HotSpots.Hotspots.Tests;

/// <summary>
/// The backtest protocol of docs/evaluation.md on 45 months of Avon and Somerset (../shared/data): it must reproduce the
/// open_cp anchors measured on exactly this protocol, and the blend must beat the best baseline at 1 % and 5 %.
/// </summary>
[Trait("Data", "Shared")]
public sealed class RealDataBacktestTests
{
    [Fact]
    public async Task Avon_and_Somerset_reproduces_the_baseline_anchors_and_the_blend_beats_plain_counts()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var services = await ModuleHost.StartAsync(database, (s, c) => { s.AddIngestionModule(c); s.AddHotspotsModule(c); });
        var folder = Path.Combine(RepositoryPaths.SharedData, "uk-police", "avon-and-somerset");
        var report = await services.InScopeAsync<IHotspotBacktest, BacktestReport>(b =>
            b.RunAsync(new BacktestRequest(folder, CoveragePercents: [1, 5]), null, CancellationToken.None));

        report.Windows.ShouldBe(33);
        (report.FirstTestMonth, report.LastTestMonth).ShouldBe(("2019-01", "2021-09"));
        report.PointsRead.ShouldBe(578_158); // the geocoded rows of shared/data/README.md
        // 12,484 cells in the anchor's protocol; our projection (a 7-parameter datum shift) moves a few points across a cell edge.
        report.StudyCells.ShouldBeInRange(12_474, 12_494);
        report.WalkForward.ShouldBeTrue();

        double Pai(string method, double coverage) => report.Results.Single(r => r.Method == method && r.Coverage == coverage).Pai;
        Pai("counts", 1).ShouldBe(12.9, 0.05);
        Pai("counts", 5).ShouldBe(6.4, 0.05);
        Pai("kde-200m", 1).ShouldBe(11.2, 0.05);
        Pai("kde-200m", 5).ShouldBe(5.9, 0.05);
        report.BestPossible[0].Pai.ShouldBe(19.2, 0.05);
        report.BestPossible[1].Pai.ShouldBe(10.35, 0.05); // "10.3" in the anchor: 10.35 before rounding
        Pai("hotspots", 1).ShouldBeGreaterThan(Pai("counts", 1));
        Pai("hotspots", 5).ShouldBeGreaterThan(Pai("counts", 5));

        var ours = report.Results.Single(r => r.Method == "hotspots" && r.Coverage == 1);
        ours.Spots.ShouldNotBeNull();
        ours.MeanSpotAreaSquareMetres!.Value.ShouldBeLessThanOrEqualTo(4 * 150 * 150); // patrollable: at most 4 cells a spot
    }
}

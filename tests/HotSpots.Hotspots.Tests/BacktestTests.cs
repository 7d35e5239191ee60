using System.Globalization;
using HotSpots.Modules.Hotspots;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion;
using HotSpots.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Hotspots.Tests;

/// <summary>The backtest protocol on a 10 × 10 grid whose hit rates can be worked out by hand.</summary>
public sealed class BacktestTests : IAsyncLifetime
{
    // Cell (c, r) has its centre at (X0 + 150c + 75, Y0 + 150r + 75); both origins are multiples of 150 m.
    private const double X0 = 450_000, Y0 = 199_950;
    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private ServiceProvider _services = null!;
    private string _file = "";

    public async Task InitializeAsync()
    {
        _services = await ModuleHost.StartAsync(_database, (s, c) => { s.AddIngestionModule(c); s.AddHotspotsModule(c); });
        var rows = new List<string> { "reference,category,occurred_from,easting,northing" };
        void Add(int n, int column, int row, string category, int year, int month)
        {
            for (var i = 0; i < n; i++)
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"R{rows.Count},{category},{year}-{month:00}-15 12:00,{X0 + 150 * column + 75:0.0},{Y0 + 150 * row + 75:0.0}"));
        }
        // The study area: every cell of the 10 × 10 grid has two anti-social behaviour reports in the first month.
        for (var c = 0; c < 10; c++)
            for (var r = 0; r < 10; r++) Add(2, c, r, "Anti-social behaviour", 2025, 1);
        // Training months 2025-01 … 2025-12: A = (2, 3) has 10 violent crimes a month, B = (7, 7) 5 and C = (5, 0) 1.
        for (var month = 1; month <= 12; month++)
        {
            Add(10, 2, 3, "Violence and sexual offences", 2025, month);
            Add(5, 7, 7, "Violence and sexual offences", 2025, month);
            Add(1, 5, 0, "Violence and sexual offences", 2025, month);
        }
        // The test month 2026-01: 3 in A, 6 in B, 1 in D = (9, 9); 10 in all.
        Add(3, 2, 3, "Violence and sexual offences", 2026, 1);
        Add(6, 7, 7, "Violence and sexual offences", 2026, 1);
        Add(1, 9, 9, "Violence and sexual offences", 2026, 1);
        _file = _database.Folder.File("crimes.csv");
        await File.WriteAllLinesAsync(_file, rows);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }

    private Task<BacktestReport> RunAsync(params double[] coverages) =>
        _services.InScopeAsync<IHotspotBacktest, BacktestReport>(b => b.RunAsync(new BacktestRequest(_file, CoveragePercents: coverages), null, CancellationToken.None));

    [Fact]
    public async Task Counts_select_the_cells_with_most_training_crimes_and_score_the_test_month_by_hand()
    {
        var report = await RunAsync(1, 2, 3, 4);
        report.Windows.ShouldBe(1);
        report.FirstTestMonth.ShouldBe("2026-01");
        report.StudyCells.ShouldBe(100);
        report.TestCrimes.ShouldBe(10);
        report.PointsOutsideBox.ShouldBe(0);
        report.WalkForward.ShouldBeTrue();
        BacktestResult Counts(double coverage) => report.Results.Single(r => r.Method == "counts" && r.Coverage == coverage);

        // 1 %: one cell, A; it gets 3 of the 10 test crimes. The best cell, B, got 6.
        Counts(1).HitRate.ShouldBe(0.3, 1e-9);
        Counts(1).Pai.ShouldBe(0.3 / 0.01, 1e-9);
        Counts(1).Pei.ShouldBe(0.3 / 0.6, 1e-9);
        // 2 %: A and B, 9 of 10, which is also the best possible.
        Counts(2).Pai.ShouldBe(0.9 / 0.02, 1e-9);
        Counts(2).Pei.ShouldBe(1, 1e-9);
        // 3 %: A, B, C, still 9; the best three cells (B, A, D) got all 10.
        Counts(3).Pei.ShouldBe(0.9, 1e-9);
        // 4 %: the fourth place is shared by the 97 cells tied at no violence; D is one of them: 9 + 1/97 hits.
        Counts(4).HitRate.ShouldBe((9 + 1.0 / 97) / 10, 1e-9);
        Counts(4).Pai.ShouldBe((9 + 1.0 / 97) / 10 / 0.04, 1e-9);
        report.BestPossible.Single(b => b.Coverage == 3).HitRate.ShouldBe(1, 1e-9);
        Counts(1).Baseline.ShouldBeTrue();
    }

    [Fact]
    public async Task Every_method_reports_every_coverage_and_the_blend_reports_its_spots()
    {
        var report = await RunAsync(1, 2);
        report.Results.Select(r => r.Method).Distinct().ShouldBe(["counts", "kde-200m", "hotspots"]);
        report.Results.Count.ShouldBe(6);
        var ours = report.Results.Single(r => r.Method == "hotspots" && r.Coverage == 2);
        ours.Baseline.ShouldBeFalse();
        ours.Spots.ShouldBe(2); // A and B are not neighbours: two spots of one cell each
        ours.MeanSpotAreaSquareMetres.ShouldBe(150 * 150);
        report.Weights.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_coverage_too_small_for_the_study_area_is_refused_with_the_reason()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() => RunAsync(0.5));
        error.Message.ShouldContain("Coverage 0.5 % of the 100-cell study area selects no cell");
    }

    [Fact]
    public async Task Too_few_months_for_the_training_window_are_refused_with_the_reason()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            _services.InScopeAsync<IHotspotBacktest, BacktestReport>(b => b.RunAsync(new BacktestRequest(_file, TrainMonths: 13), null, CancellationToken.None)));
        error.Message.ShouldContain("needs a month with crimes after at least 13 months, 10 of them with crimes");
    }
}

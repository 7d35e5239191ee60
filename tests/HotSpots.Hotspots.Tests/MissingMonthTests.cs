using System.Globalization;
using HotSpots.Modules.Hotspots;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform.Geography;
using HotSpots.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Hotspots.Tests;

/// <summary>The rule for a missing month (issue 21, item 6), alone and as the backtest and the refresh apply it.</summary>
public sealed class MissingMonthTests
{
    private static bool[] Held(string pattern) => pattern.Select(c => c == 'x').ToArray();

    [Fact]
    public void A_window_needs_three_in_four_of_its_months_and_its_sums_are_scaled_by_the_months_held()
    {
        MonthsHeld.MinHeld(12).ShouldBe(9);
        MonthsHeld.MinHeld(4).ShouldBe(3);
        MonthsHeld.MinHeld(1).ShouldBe(1);
        var oneGap = Held("xxxxx.xxxxxxx");
        MonthsHeld.Count(oneGap, 0, 12).ShouldBe((12, 11));
        MonthsHeld.Enough(oneGap, 0, 12).ShouldBeTrue();
        MonthsHeld.Scale(oneGap, 0, 12).ShouldBe(12f / 11);
        MonthsHeld.Missing(oneGap, 0, 13).ShouldBe([5]);
        MonthsHeld.Scale(oneGap, 6, 12).ShouldBe(1f); // a window without the gap is not scaled

        MonthsHeld.Enough(Held("xx.xx.xx.xxx"), 0, 12).ShouldBeTrue(); // 9 of 12
        MonthsHeld.Enough(Held("xx.x..xx.xxx"), 0, 12).ShouldBeFalse(); // 8 of 12

        // Months before the first month with data are not missing: the data starts later.
        var late = Held("......xxxxxx");
        MonthsHeld.Missing(late, 0, 12).ShouldBeEmpty();
        MonthsHeld.Count(late, 0, 12).ShouldBe((6, 6));
        MonthsHeld.Scale(late, 0, 12).ShouldBe(1f);
        MonthsHeld.Enough(late, 0, 12).ShouldBeTrue();
        MonthsHeld.Enough(Held("......"), 0, 6).ShouldBeFalse();
    }

    // Cell (c, r) has its centre at (X0 + 150c + 75, Y0 + 150r + 75), as in BacktestTests.
    private const double X0 = 450_000, Y0 = 199_950;

    /// <summary>
    /// 2025-01 … 2026-03 with <paramref name="missing"/> months holding no crime at all. A = (2, 3) has 10 violent crimes a
    /// month, B = (7, 7) 5 and C = (5, 0) 1; each test month from 2026-01 has 3 in A, 6 in B and 1 in D = (9, 9).
    /// </summary>
    private static async Task<BacktestReport> BacktestAsync(params string[] missing)
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var services = await ModuleHost.StartAsync(database, (s, c) => { s.AddIngestionModule(c); s.AddHotspotsModule(c); });
        var rows = new List<string> { "reference,category,occurred_from,easting,northing" };
        void Add(int n, int column, int row, string category, int year, int month)
        {
            if (missing.Contains($"{year}-{month:00}")) return;
            for (var i = 0; i < n; i++)
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"R{rows.Count},{category},{year}-{month:00}-15 12:00,{X0 + 150 * column + 75:0.0},{Y0 + 150 * row + 75:0.0}"));
        }
        for (var c = 0; c < 10; c++)
            for (var r = 0; r < 10; r++) Add(2, c, r, "Anti-social behaviour", 2025, 1);
        for (var month = 1; month <= 12; month++)
        {
            Add(10, 2, 3, "Violence and sexual offences", 2025, month);
            Add(5, 7, 7, "Violence and sexual offences", 2025, month);
            Add(1, 5, 0, "Violence and sexual offences", 2025, month);
        }
        for (var month = 1; month <= 3; month++)
        {
            Add(3, 2, 3, "Violence and sexual offences", 2026, month);
            Add(6, 7, 7, "Violence and sexual offences", 2026, month);
            Add(1, 9, 9, "Violence and sexual offences", 2026, month);
        }
        var file = database.Folder.File("crimes.csv");
        await File.WriteAllLinesAsync(file, rows);
        return await services.InScopeAsync<IHotspotBacktest, BacktestReport>(b =>
            b.RunAsync(new BacktestRequest(file, CoveragePercents: [1, 2]), null, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_training_month_keeps_the_windows_around_it_and_the_report_says_how_many_had_the_gap()
    {
        var full = await BacktestAsync();
        full.Windows.ShouldBe(3);
        full.WindowsWithGap.ShouldBe(0);
        full.MissingMonths.ShouldBeEmpty();

        // 2025-06 is in the training window of every test month: before, all three were dropped.
        var gap = await BacktestAsync("2025-06");
        gap.Windows.ShouldBe(3);
        (gap.FirstTestMonth, gap.LastTestMonth).ShouldBe(("2026-01", "2026-03"));
        gap.WindowsWithGap.ShouldBe(3);
        gap.WindowsNotScored.ShouldBe(0);
        gap.MissingMonths.ShouldBe(["2025-06"]);
        gap.TestCrimes.ShouldBe(30);
        // The gap takes the same share from every cell, so counts rank the cells as with all months: A at 1 %, A and B at 2 %.
        BacktestResult Counts(BacktestReport r, double coverage) => r.Results.Single(x => x.Method == "counts" && x.Coverage == coverage);
        Counts(gap, 1).HitRate.ShouldBe(0.3, 1e-9);
        Counts(gap, 2).HitRate.ShouldBe(0.9, 1e-9);
        Counts(gap, 1).Pai.ShouldBe(Counts(full, 1).Pai, 1e-9);
        foreach (var result in gap.Results.Where(r => r.Baseline)) result.Pai.ShouldBe(full.Results.Single(r => r.Method == result.Method && r.Coverage == result.Coverage).Pai, 1e-6);
    }

    [Fact]
    public async Task A_test_month_with_fewer_than_9_of_its_12_training_months_is_not_scored_and_a_missing_month_is_never_scored()
    {
        // 2025-04, 2025-05 and 2026-02 missing: 2026-01 has 10 of its 12 training months, 2026-03 has 9 (2025-03 … 2026-02), both scored;
        // 2026-02 itself is missing and is not scored.
        var report = await BacktestAsync("2025-04", "2025-05", "2026-02");
        report.MissingMonths.ShouldBe(["2025-04", "2025-05", "2026-02"]);
        (report.Windows, report.WindowsWithGap, report.WindowsNotScored).ShouldBe((2, 2, 0));
        report.TestCrimes.ShouldBe(20);

        // 2025-03 missing too: 2026-01 still has 9, but 2026-03 has 8 of 12 and is not scored.
        report = await BacktestAsync("2025-03", "2025-04", "2025-05", "2026-02");
        (report.Windows, report.WindowsWithGap, report.WindowsNotScored).ShouldBe((1, 1, 1));
        (report.FirstTestMonth, report.LastTestMonth).ShouldBe(("2026-01", "2026-01"));

        // 2025-07 missing as well leaves 2026-01 with 8 of 12 and 2026-03 with 7: nothing can be scored.
        var error = await Should.ThrowAsync<InvalidOperationException>(() => BacktestAsync("2025-03", "2025-04", "2025-05", "2025-07", "2026-02"));
        error.Message.ShouldContain("5 of them without crimes");
        error.Message.ShouldContain("9 of them with crimes");
    }

    /// <summary>
    /// 24 months of crimes, 2024-06 … 2026-05 (the 15th of each), with <paramref name="missing"/> months holding none: 10
    /// violent crimes a month in one cell, 4 in another 2 km away, shoplifting 3 km away.
    /// </summary>
    private static async Task<(HotspotSetSummary Set, PublishedHotspot? First, ServiceProvider Services, TestDatabase Database)> RefreshAsync(
        params string[] missing)
    {
        var database = TestDatabase.Create("Sqlite");
        var services = await ModuleHost.StartAsync(database, (s, c) => { s.AddIngestionModule(c); s.AddHotspotsModule(c); },
            new Dictionary<string, string?> { ["Hotspots:Count"] = "2", ["Hotspots:MaxCellsPerSpot"] = "1", ["Hotspots:Method"] = "counts" });
        var projection = services.GetRequiredService<IMetricProjection>();
        var origin = projection.Project(51.4545, -0.9730);
        var (x, y) = (Math.Floor(origin.X / 150) * 150 + 75, Math.Floor(origin.Y / 150) * 150 + 75);
        var rows = new List<string> { "reference,category,occurred_from,easting,northing,location" };
        for (var at = new DateOnly(2024, 6, 15); at <= new DateOnly(2026, 5, 15); at = at.AddMonths(1))
        {
            if (missing.Contains($"{at:yyyy-MM}")) continue;
            void Add(int n, double dx, string category, string place)
            {
                for (var i = 0; i < n; i++)
                    rows.Add(string.Create(CultureInfo.InvariantCulture, $"R{rows.Count},{category},{at:yyyy-MM-dd} 22:{i:00},{x + dx:0.0},{y:0.0},On or near {place}"));
            }
            Add(10, 0, "Violence and sexual offences", "Friar Street");
            Add(4, 2000, "Violence and sexual offences", "Oxford Road");
            Add(5, -3000, "Shoplifting", "Broad Street");
        }
        var file = database.Folder.File("force.csv");
        await File.WriteAllLinesAsync(file, rows);
        await services.InScopeAsync<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(file), null, CancellationToken.None));
        var set = await services.InScopeAsync<IHotspotModule, HotspotSetSummary>(m => m.RefreshAsync(true, "test", CancellationToken.None));
        var snapshot = services.GetRequiredService<IHotspotSnapshot>().Current;
        return (set, snapshot.Set?.Id == set.Id ? snapshot.Spots[0] : null, services, database);
    }

    [Fact]
    public async Task A_refresh_over_a_missing_month_publishes_says_so_and_compares_the_trend_like_with_like()
    {
        var (set, first, services, database) = await RefreshAsync("2026-01");
        try
        {
            set.Status.ShouldBe(HotspotSetStatus.Published);
            set.Method.ShouldContain("11 of 12 training months held (month from 2025-12-16 missing), sums scaled by 12/11");
            first.ShouldNotBeNull();
            first.Name.ShouldBe("Friar Street");
            first.CrimeCount.ShouldBe(110); // the crimes held: the missing month is not invented
            // The trend pairs each month with the same month a year before, leaving out 2026-01 and 2025-01: 110 → 110,
            // where counting the missing month as no crime would have shown 120 → 110, a fall of 8 %.
            first.Why.Trend.ShouldNotBeNull();
            (first.Why.Trend.PreviousCount, first.Why.Trend.Count, first.Why.Trend.MonthsCompared).ShouldBe((110, 110, 11));
            first.Why.Trend.ChangePercent.ShouldBe(0);
        }
        finally
        {
            await services.DisposeAsync();
            database.Dispose();
        }
    }

    [Fact]
    public async Task A_refresh_with_fewer_than_9_of_12_training_months_held_is_left_as_a_draft_and_says_why()
    {
        var (set, first, services, database) = await RefreshAsync("2025-07", "2025-09", "2025-11", "2026-01");
        try
        {
            set.Status.ShouldBe(HotspotSetStatus.Draft);
            set.Method.ShouldContain("8 of 12 training months held");
            set.Method.ShouldContain("too few months to publish");
            first.ShouldBeNull();
        }
        finally
        {
            await services.DisposeAsync();
            database.Dispose();
        }
    }
}

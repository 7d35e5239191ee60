using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Platform;
using HotSpots.Testing;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace HotSpots.Dashboard.Tests;

/// <summary>The briefing and monthly report of the demo force, opened with PdfPig: the text and images they must hold.</summary>
public sealed class PdfTests : IClassFixture<PdfTests.App>
{
    public sealed class App : IDisposable
    {
        public TestDatabase Database { get; } = TestDatabase.Create("Sqlite");
        public HotSpotsApp Host { get; }
        public App() => Host = new HotSpotsApp(Database, new Dictionary<string, string?> { ["Demo:PatrolHistoryDays"] = "5" });
        public void Dispose() { Host.Dispose(); Database.Dispose(); }
    }

    private readonly HotSpotsApp _app;

    public PdfTests(App app) => _app = app.Host;

    [Fact]
    public async Task A_briefing_is_one_page_with_the_spot_why_peak_times_dose_and_a_chart()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var spot = scope.ServiceProvider.GetRequiredService<IHotspotSnapshot>().Current.Spots[0];
        var bytes = await scope.ServiceProvider.GetRequiredService<IDashboardModule>().BriefingPdfAsync(spot.Id, TrialSight.Totals, CancellationToken.None);

        using var pdf = PdfDocument.Open(bytes!);
        pdf.NumberOfPages.ShouldBe(1);
        var page = pdf.GetPage(1);
        var text = string.Join(" ", page.GetWords().Select(w => w.Text));
        text.ShouldContain($"Hot spot 1: {spot.Name}".Split(' ')[0]);
        foreach (var expected in new[] { "Why", "Peak", "times", "Briefing", "Dose", "visits", "100", "m", spot.Name.Split(' ')[0] })
            text.ShouldContain(expected);
        text.ShouldContain(spot.CrimeCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        page.GetImages().Count().ShouldBeGreaterThanOrEqualTo(1, "the chart of serious violence by hour");
        // The map is drawn as vector paths: the spot's outline at least.
        page.Paths.Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task A_briefing_of_a_spot_not_published_is_none()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<IDashboardModule>().BriefingPdfAsync(999_999, TrialSight.Totals, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task The_monthly_report_has_compliance_impact_leaderboard_and_charts()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var bytes = await scope.ServiceProvider.GetRequiredService<IDashboardModule>().MonthlyReportPdfAsync(today.Year, today.Month, TrialSight.Totals, CancellationToken.None);

        using var pdf = PdfDocument.Open(bytes);
        pdf.NumberOfPages.ShouldBeGreaterThanOrEqualTo(2);
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        foreach (var expected in new[] { "Compliance:", "Impact", "Leaderboard", "Rate", "interval", "Koper", "displacement", "intention" })
            text.ShouldContain(expected);
        text.ShouldMatch("(Green|Amber|Red) \\d+");
        pdf.GetPages().Sum(p => p.GetImages().Count()).ShouldBeGreaterThanOrEqualTo(2, "the crime trend and the daily dose charts");
    }

    [Theory]
    [InlineData(2001, 1)]   // long before the demo's records: no crime, no patrol, no hot spot set
    [InlineData(2099, 12)]  // not yet come
    public async Task A_month_without_crimes_or_patrols_renders_and_says_so(int year, int month)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var bytes = await scope.ServiceProvider.GetRequiredService<IDashboardModule>().MonthlyReportPdfAsync(year, month, TrialSight.Totals, CancellationToken.None);

        using var pdf = PdfDocument.Open(bytes);
        pdf.NumberOfPages.ShouldBeGreaterThanOrEqualTo(1);
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        text.ShouldContain("Compliance:");
        text.ShouldContain("No crimes");
    }

    [Fact]
    public async Task A_force_without_the_demo_and_with_nothing_imported_yet_gets_its_monthly_report()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        await using var scope = app.Services.CreateAsyncScope();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var bytes = await scope.ServiceProvider.GetRequiredService<IDashboardModule>().MonthlyReportPdfAsync(today.Year, today.Month, TrialSight.Totals, CancellationToken.None);

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        foreach (var expected in new[] { "Compliance:", "Impact", "Leaderboard", "No", "crimes", "published" })
            text.ShouldContain(expected);
    }

    [Fact]
    public async Task A_month_that_does_not_exist_is_refused_with_a_reason()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var e = await Should.ThrowAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<IDashboardModule>().MonthlyReportPdfAsync(2026, 13, TrialSight.Totals, CancellationToken.None));
        e.Message.ShouldContain("2026-13");
    }
}

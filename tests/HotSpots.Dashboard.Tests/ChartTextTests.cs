using System.Xml.Linq;
using HotSpots.Modules.Dashboard.Charts;
using HotSpots.Modules.Ingestion.Contracts;

namespace HotSpots.Dashboard.Tests;

/// <summary>
/// Text from records is text in the server-drawn charts too: a crime category or a label that is markup is drawn as
/// text in the SVG (ScottPlot escapes it), so the SVG stays well-formed and gains no element or handler of its own.
/// The pages show charts as images, where no script runs in any case; this keeps the picture itself right.
/// </summary>
public sealed class ChartTextTests
{
    private const string Hostile = "\"><img src=x onerror=alert(1)></text><script>alert(2)</script>";

    [Fact]
    public void A_crime_category_that_is_markup_is_a_legend_text_in_the_crime_trend_chart()
    {
        var counts = new List<CategoryMonthCount>();
        for (var month = 1; month <= 6; month++)
        {
            counts.Add(new CategoryMonthCount(2026, month, Hostile, 40 + month, 0));
            counts.Add(new CategoryMonthCount(2026, month, CrimeCategories.ViolenceAndSexualOffences, 30, 0));
        }
        var chart = CrimeTrendChart.Render(counts);
        ShowsAsText(chart.Svg, Hostile);
        chart.Columns.ShouldContain(Hostile);
    }

    [Fact]
    public void A_label_that_is_markup_is_a_tick_text_in_a_bar_chart()
    {
        var chart = Bars.Render("Minutes in hot spots by team", "minutes", [(Hostile, 120), ("Town Centre", 90)]).ToChart();
        ShowsAsText(chart.Svg, Hostile);
    }

    private static void ShowsAsText(string svg, string text)
    {
        svg.ShouldNotBeEmpty();
        var document = XDocument.Parse(svg); // well-formed: the text did not close an element or open one
        var elements = document.Descendants().Select(e => e.Name.LocalName).Distinct().ToList();
        elements.ShouldNotContain("script");
        elements.ShouldNotContain("img");
        elements.ShouldNotContain("foreignObject");
        document.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            .ShouldBeEmpty();
        document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ShouldContain(text);
    }
}

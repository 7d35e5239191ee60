using System.Text.RegularExpressions;
using HotSpots.Testing;

namespace HotSpots.Web.Tests.Security;

/// <summary>
/// Text from records is text: the app's own scripts never hand the browser a string as HTML. They set textContent, and
/// give Leaflet text nodes for tooltips and popups (Leaflet puts a string in with innerHTML). The browser test
/// HostileTextTests shows it on every page with spot names; this test holds every script under wwwroot to it, so that a
/// new script or map cannot bring the sink back unseen.
/// </summary>
public sealed partial class ScriptTextTests
{
    private static readonly string Root = Path.Combine(RepositoryPaths.Root, "src", "HotSpots.Web", "wwwroot");

    /// <summary>Every script of the app's own under wwwroot (the vendored libraries under lib/ are not ours).</summary>
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Root, "*.js", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (!relative.StartsWith("lib/", StringComparison.Ordinal)) data.Add(relative);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void A_script_puts_no_string_into_the_page_as_HTML(string script)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, script));
        var found = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var code = line.TrimStart();
            if (code.StartsWith("//", StringComparison.Ordinal)) continue;
            if (HtmlSink().IsMatch(line)) found.Add($"{script}:{i + 1}: HTML from a string ({code})");
            if (LeafletStringContent().IsMatch(line)) found.Add($"{script}:{i + 1}: Leaflet content that is not a text node ({code})");
            if (LeafletHtmlOption().IsMatch(line)) found.Add($"{script}:{i + 1}: a Leaflet option that takes HTML ({code})");
        }
        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void The_maps_are_among_the_scripts_checked()
    {
        var scripts = Scripts().Select((object[] row) => (string)row[0]).ToList();
        scripts.ShouldContain("js/spot-map.js");
        scripts.ShouldContain("js/analyst-map.js");
        scripts.ShouldContain("js/track-map.js");
        scripts.ShouldContain("sw.js");
    }

    [Theory]
    [InlineData("list.innerHTML = items;", true)]
    [InlineData("row.insertAdjacentHTML('beforeend', html);", true)]
    [InlineData("document.write(x);", true)]
    [InlineData("name.textContent = s.name;", false)]
    public void The_check_finds_an_HTML_sink(string line, bool found) => HtmlSink().IsMatch(line).ShouldBe(found);

    [Theory]
    [InlineData("shape.bindTooltip(\"#\" + s.rank + \" \" + s.name)", true)]
    [InlineData("shape.bindPopup(label(s))", true)]
    [InlineData("tooltip.setContent(html)", true)]
    [InlineData("shape.bindTooltip(document.createTextNode(\"#\" + s.rank + \" \" + s.name))", false)]
    [InlineData("shape.bindPopup( document.createTextNode(label(s)) )", false)]
    public void The_check_finds_Leaflet_content_given_as_a_string(string line, bool found) => LeafletStringContent().IsMatch(line).ShouldBe(found);

    [GeneratedRegex(@"\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write(ln)?\s*\(|createContextualFragment|\bsrcdoc\b")]
    private static partial Regex HtmlSink();

    [GeneratedRegex(@"\.(bindTooltip|bindPopup|setContent|setTooltipContent|setPopupContent)\((?>\s*)(?!document\.createTextNode\()")]
    private static partial Regex LeafletStringContent();

    [GeneratedRegex(@"L\.divIcon\(|\bhtml\s*:")]
    private static partial Regex LeafletHtmlOption();
}

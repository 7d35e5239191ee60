using HotSpots.Web.Demo;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace HotSpots.Web.Tests.Security;

/// <summary>A spot of the test's trial: its id, pseudonymous code, name and arm (fixed for the whole trial).</summary>
public sealed record TrialSpotArm(long Id, string Code, string Name, bool Control);

/// <summary>A spot named in an answer, and how: "name", "code" or "id".</summary>
internal sealed record Mention(TrialSpotArm Spot, string How);

/// <summary>
/// Finds where an answer names a trial's spots: by name (a table cell, list item, option or link that is the name, with
/// or without a rank or trial code before it), by the trial's code (S01 …), or by id where an id stands for a spot
/// (a spot field's value, a briefing link, a JSON spot id). Answers are read as what they are: HTML, JSON (GeoJSON
/// too), CSV or PDF. Each list on a page (table, ul, ol, select) is a group of its own, so that a list of one arm's
/// spots can be told from a list of every spot; a whole JSON, CSV or PDF answer is one group.
/// </summary>
internal static partial class SpotMentions
{
    /// <summary>How each group names the spots, in the order first named.</summary>
    public static List<List<Mention>> Find(byte[] body, string? mediaType, IReadOnlyList<TrialSpotArm> spots)
    {
        var byName = spots.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var byCode = spots.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var byId = spots.ToDictionary(s => s.Id);
        if (mediaType == "application/pdf") return [Ordered(PdfWords(body), byName, byCode)];
        var text = Encoding.UTF8.GetString(body);
        if (mediaType is "application/json" or "application/geo+json" || mediaType?.EndsWith("+json", StringComparison.Ordinal) == true)
            return [FromJson(text, byName, byCode, byId)];
        if (mediaType == "text/csv")
            return [Distinct(Csv(text).Select(cell => Cell(cell.TrimStart('\''), byName, byCode)).SelectMany(x => x))];
        var groups = ListElement().Matches(text).Select(m => m.Value).Append(text)
            .Select(html => Distinct(Html(html, byName, byCode, byId))).ToList();
        return groups;
    }

    private static IEnumerable<Mention> Html(string html, Dictionary<string, TrialSpotArm> byName, Dictionary<string, TrialSpotArm> byCode, Dictionary<long, TrialSpotArm> byId)
    {
        foreach (Match node in TextNode().Matches(html))
            foreach (var mention in Cell(WebUtility.HtmlDecode(node.Groups[1].Value), byName, byCode)) yield return mention;
        foreach (Match select in SpotSelect().Matches(html))
            foreach (Match option in OptionValue().Matches(select.Value))
                if (byId.TryGetValue(long.Parse(option.Groups[1].Value), out var spot)) yield return new(spot, "id");
        foreach (Match id in SpotIdInMarkup().Matches(html))
            if (byId.TryGetValue(long.Parse(id.Groups[1].Value), out var spot)) yield return new(spot, "id");
    }

    /// <summary>A text that is a spot's name, its code, or either after a rank ("3.", "#3") or a code ("S03 Name").</summary>
    private static IEnumerable<Mention> Cell(string raw, Dictionary<string, TrialSpotArm> byName, Dictionary<string, TrialSpotArm> byCode)
    {
        var text = Spaces().Replace(raw, " ").Trim();
        if (text.Length == 0) yield break;
        // The demo has a team and a spot both called "Oxford Road": the bare name alone is the team's (a select of
        // teams, a row per team), so such a spot is found by its rank, code or id instead. Whether the spot is a control
        // spot on a given day depends on the demo's crimes, which follow the date: without this the test failed on some
        // days only.
        if (byName.TryGetValue(text, out var named) && !DemoOptions.Teams.Contains(text, StringComparer.Ordinal)) { yield return new(named, "name"); yield break; }
        if (RankPrefix().Match(text) is { Success: true } ranked && byName.TryGetValue(ranked.Groups[1].Value, out var afterRank)) { yield return new(afterRank, "name"); yield break; }
        if (CodePrefix().Match(text) is { Success: true } coded && byCode.TryGetValue(coded.Groups[1].Value, out var code))
        {
            yield return new(code, "code");
            if (coded.Groups[2].Success && byName.TryGetValue(coded.Groups[2].Value, out var afterCode)) yield return new(afterCode, "name");
        }
    }

    private static List<Mention> FromJson(string text, Dictionary<string, TrialSpotArm> byName, Dictionary<string, TrialSpotArm> byCode, Dictionary<long, TrialSpotArm> byId)
    {
        var found = new List<Mention>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    var hasName = e.EnumerateObject().Any(p => p.Name.Equals("name", StringComparison.OrdinalIgnoreCase));
                    foreach (var p in e.EnumerateObject())
                    {
                        var spotId = p.Name.Equals("hotspotId", StringComparison.OrdinalIgnoreCase) || p.Name.Equals("spot", StringComparison.OrdinalIgnoreCase)
                                     || (hasName && p.Name.Equals("id", StringComparison.OrdinalIgnoreCase));
                        if (spotId && p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt64(out var id) && byId.TryGetValue(id, out var s)) found.Add(new(s, "id"));
                        Walk(p.Value);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray()) Walk(item);
                    break;
                case JsonValueKind.String:
                    found.AddRange(Cell(e.GetString()!, byName, byCode));
                    break;
            }
        }
        using var json = JsonDocument.Parse(text);
        Walk(json.RootElement);
        return Distinct(found);
    }

    /// <summary>Names and codes in a PDF's words, longest names first, each word used once.</summary>
    private static List<Mention> Ordered(IReadOnlyList<string> words, Dictionary<string, TrialSpotArm> byName, Dictionary<string, TrialSpotArm> byCode)
    {
        var hits = new List<(int At, Mention Spot)>();
        var used = new bool[words.Count];
        foreach (var (name, spot) in byName.OrderByDescending(n => n.Key.Length))
        {
            var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i + parts.Length <= words.Count; i++)
                if (Enumerable.Range(0, parts.Length).All(k => !used[i + k] && words[i + k] == parts[k]))
                {
                    hits.Add((i, new(spot, "name")));
                    for (var k = 0; k < parts.Length; k++) used[i + k] = true;
                }
        }
        for (var i = 0; i < words.Count; i++)
            if (!used[i] && byCode.TryGetValue(words[i], out var coded)) hits.Add((i, new(coded, "code")));
        return Distinct(hits.OrderBy(h => h.At).Select(h => h.Spot));
    }

    private static List<string> PdfWords(byte[] body)
    {
        using var pdf = PdfDocument.Open(body);
        return pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
    }

    private static IEnumerable<string> Csv(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var cell = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '"') { if (quoted && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; } else quoted = !quoted; }
                else if (c == ',' && !quoted) { yield return cell.ToString(); cell.Clear(); }
                else cell.Append(c);
            }
            yield return cell.ToString().TrimEnd('\r');
        }
    }

    private static List<Mention> Distinct(IEnumerable<Mention> mentions) => mentions.DistinctBy(m => (m.Spot.Id, m.How)).ToList();

    [GeneratedRegex(@"<(table|ul|ol|select)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ListElement();

    [GeneratedRegex(@">([^<>]+)<")]
    private static partial Regex TextNode();

    [GeneratedRegex(@"<select[^>]*\bname=""(?:spot|hotspotId)""[^>]*>.*?</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SpotSelect();

    [GeneratedRegex(@"<option[^>]*\bvalue=""(\d+)""")]
    private static partial Regex OptionValue();

    /// <summary>A hidden spot field, a briefing link, or a link that filters by spot.</summary>
    [GeneratedRegex(@"(?:name=""hotspotId""\s+value=""|handler=Briefing&(?:amp;)?id=|[?&](?:amp;)?spot=)(\d+)")]
    private static partial Regex SpotIdInMarkup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:#\d+|\d+\.)\s+(.+)$")]
    private static partial Regex RankPrefix();

    [GeneratedRegex(@"^(S\d{2,3})(?:\s+(.+))?$")]
    private static partial Regex CodePrefix();
}

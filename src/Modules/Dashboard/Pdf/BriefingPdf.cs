using System.Globalization;
using HotSpots.Modules.Dashboard.Charts;
using HotSpots.Modules.Dashboard.Crimes;
using HotSpots.Modules.Dashboard.Trials;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;
using NetTopologySuite.IO;
using PdfSharp.Drawing;

namespace HotSpots.Modules.Dashboard.Pdf;

/// <summary>The one-page patrol briefing of a published spot: map, why, peak times, the analyst's briefing, the dose asked for.</summary>
internal sealed class BriefingPdf(IHotspotSnapshot hotspots, IHotspotModule hotspotModule, ITaskingModule tasking, CrimeCache cache, ForceOptions force, TimeProvider clock)
{
    private const double Around = 300;
    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public async Task<byte[]?> RenderAsync(long hotspotId, Blinding blinding, CancellationToken cancellationToken)
    {
        // A spot the viewer may not see named is answered as one that is not published.
        var spot = blinding.Names(hotspotId) ? hotspots.Current.Find(hotspotId) : null;
        if (spot is null || await hotspotModule.GetHotspotAsync(hotspotId, cancellationToken) is not { } detail) return null;
        var polygon = new WKBReader().Read(detail.ProjectedPolygonWkb);
        var crimes = await cache.GetAsync(cancellationToken);
        var targets = await tasking.GetDoseTargetsAsync(cancellationToken);
        var (from, to) = (DateOnly.FromDateTime(spot.Why.FromUtc), DateOnly.FromDateTime(spot.Why.ToUtc));
        var near = new List<(double, double, bool)>();
        var byHour = new double[24];
        var box = polygon.EnvelopeInternal.Copy();
        box.ExpandBy(Around);
        var t = crimes.Table;
        for (var i = 0; i < crimes.Count; i++)
        {
            if (!box.Contains(t.X[i], t.Y[i]) || crimes.Day[i] < from.DayNumber || crimes.Day[i] >= to.DayNumber) continue;
            var serious = CrimeCategories.SeriousViolence.Contains(t.Categories[t.Category[i]]);
            near.Add((t.X[i], t.Y[i], serious));
            if (serious && crimes.WeekHour[i] >= 0 && polygon.Contains(new NetTopologySuite.Geometries.Point(t.X[i], t.Y[i]))) byHour[crimes.WeekHour[i] % 24]++;
        }

        var i2 = CultureInfo.InvariantCulture;
        var now = force.UtcToLocal(clock.GetUtcNow().UtcDateTime);
        using var pdf = new PdfWriter($"Patrol briefing: {spot.Name}", $"{force.Name} · HotSpots patrol briefing · OFFICIAL-SENSITIVE · printed {now.ToString("d MMM yyyy HH:mm", i2)}");
        pdf.Text($"Hot spot {spot.Rank}: {spot.Name}", PdfWriter.Title, after: 2);
        pdf.Text($"Set {spot.SetId}, crimes from {spot.Why.FromUtc.ToString("MMM yyyy", i2)} to {spot.Why.ToUtc.AddDays(-1).ToString("MMM yyyy", i2)}. " +
                 $"Area {spot.AreaSquareMetres / 10_000:0.0} ha.", PdfWriter.Body, XBrushes.DimGray, 8);

        var mapBox = new XRect(PdfWriter.Margin, pdf.Y, 280, 250);
        SpotMap.Draw(pdf.Gfx, mapBox, polygon, near);
        var right = new XRect(mapBox.Right + 14, pdf.Y, pdf.Width - mapBox.Width - 14, mapBox.Height);
        var facts = new List<(string, string)>
        {
            ("Why", spot.Why.Summary),
            ("Crimes", $"{spot.CrimeCount.ToString("N0", i2)}, harm {spot.Harm.ToString("N0", i2)} days"),
            ("Peak times", PeakTimes(spot.Why)),
            ("Where exactly", spot.Why.Places.Count == 0 ? "–" : string.Join("; ", spot.Why.Places.Take(3))),
            ("Dose", $"{targets.VisitsPerDay} visits of {targets.MinutesPerVisit:0} minutes a police day, spread out; stop at {targets.DailyCapMinutes:0} minutes."),
        };
        if (spot.Why.Trend is { ChangePercent: { } change }) facts.Add(("Trend", $"{change:+0;-0}% on the period before"));
        var y = right.Y;
        foreach (var (label, value) in facts)
        {
            pdf.Gfx.DrawString(label, PdfWriter.Bold, XBrushes.Black, new XRect(right.X, y, right.Width, 12), XStringFormats.TopLeft);
            y += 12;
            foreach (var line in WrapLines(pdf.Gfx, value, right.Width))
            {
                pdf.Gfx.DrawString(line, PdfWriter.Body, XBrushes.Black, new XRect(right.X, y, right.Width, 12), XStringFormats.TopLeft);
                y += 11.5;
            }
            y += 5;
        }
        pdf.Y = mapBox.Bottom + 2;
        pdf.Text($"Map: the spot in red; dots are the crimes within {Around:0} m over the period, red for serious violence ({near.Count(n => n.Item3)} of {near.Count}).",
            PdfWriter.Small, XBrushes.DimGray, 6);

        pdf.Section("Briefing");
        pdf.Text(string.IsNullOrWhiteSpace(spot.Briefing) ? "No briefing has been written for this spot yet: ask the analysts." : spot.Briefing, PdfWriter.Body);
        pdf.Section("What happened here");
        pdf.Table(["Crime type", "Crimes", "Harm (days)"],
            spot.Why.ByCategory.Take(6).Select(c => (IReadOnlyList<string>)[c.Category, c.Count.ToString(i2), c.Harm.ToString("N0", i2)]), [3, 1, 1]);
        var chart = Bars.Render("Serious violence in the spot by hour of the day (local time)", "crimes",
            byHour.Select((n, h) => ($"{h:00}", n)).ToList(), width: 720);
        if (chart.Png() is { } png && pdf.Y + 150 < pdf.Bottom) pdf.Image(png, pdf.Width * 0.8, chart.Description);
        return pdf.ToBytes();
    }

    private static string PeakTimes(HotspotWhy why)
    {
        if (why.PeakTimes is { Count: > 0 } peaks)
            return string.Join(", ", peaks.Take(4).Select(p => $"{Days[((int)p.Day + 6) % 7]} {p.Hour:00}:00–{(p.Hour + 1) % 24:00}:00"));
        if (why.PeakDays.Count > 0 || why.PeakHours.Count > 0)
            return $"{string.Join(", ", why.PeakDays.Select(d => Days[((int)d + 6) % 7]))} {string.Join(", ", why.PeakHours.Select(h => $"{h:00}:00"))}".Trim();
        return "The records give no times of day.";
    }

    private static IEnumerable<string> WrapLines(XGraphics gfx, string text, double width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && gfx.MeasureString(candidate, PdfWriter.Body).Width > width)
            {
                yield return line;
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0) yield return line;
    }
}

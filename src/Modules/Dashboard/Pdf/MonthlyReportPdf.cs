using System.Globalization;
using HotSpots.Modules.Dashboard.Charts;
using HotSpots.Modules.Dashboard.Compliance;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Dashboard.Crimes;
using HotSpots.Modules.Dashboard.Impact;
using HotSpots.Modules.Dashboard.Leaderboards;
using HotSpots.Modules.Dashboard.Trials;
using HotSpots.Modules.Dashboard.Settings;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using PdfSharp.Drawing;

namespace HotSpots.Modules.Dashboard.Pdf;

/// <summary>The monthly management report: crime, compliance, impact (with the method), the leaderboard, and their charts.</summary>
internal sealed class MonthlyReportPdf(
    CrimeExplorerQuery crimes, ComplianceQuery compliance, ImpactQuery impact, IPatrolPresence patrols, IWorkforce workforce,
    DashboardSettingsStore settings, ForceOptions force, TimeProvider clock)
{
    public async Task<byte[]> RenderAsync(int year, int month, Blinding blinding, CancellationToken cancellationToken)
    {
        if (month is < 1 or > 12 || year is < 2000 or > 2100) throw new ValidationException($"There is no month {year}-{month:00}.");
        var i = CultureInfo.InvariantCulture;
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var yearBefore = first.AddMonths(-11);
        var crime = await crimes.GetAsync(new CrimeFilter(yearBefore, last), blinding, cancellationToken);
        var dose = await compliance.GetAsync(first, last, blinding, cancellationToken);
        var effect = await impact.GetAsync(new ImpactRequest(first, last.Day, true, 200), blinding, cancellationToken);
        var now = force.UtcToLocal(clock.GetUtcNow().UtcDateTime);
        using var pdf = new PdfWriter($"Hot spots policing: {first.ToString("MMMM yyyy", i)}",
            $"{force.Name} · HotSpots monthly report {first.ToString("MMMM yyyy", i)} · OFFICIAL-SENSITIVE · printed {now.ToString("d MMM yyyy HH:mm", i)}");

        pdf.Text($"Hot spots policing of serious violence: {first.ToString("MMMM yyyy", i)}", PdfWriter.Title, after: 2);
        pdf.Text($"{force.Name}. Police days {first.ToString("d MMM", i)} to {dose.To.ToString("d MMM yyyy", i)}.", PdfWriter.Body, XBrushes.DimGray, 6);
        var share = dose.PatrolledShare is { } p ? p.ToString("P0", i) : "–";
        var spots = effect.BeforeAfter.FirstOrDefault();
        pdf.Text($"Summary: {share} of {dose.AssignedPlaceDays} assigned place-days were patrolled and {dose.DosedPlaceDays} got the full dose; " +
                 $"{dose.ByDay.Sum(s => s.KoperVisits)} Koper visits. " +
                 (spots is null
                     ? "No hot spot set was published for this month, so there are no treatment spots to compare."
                     : $"Serious violence in the treatment spots: {spots.First} against {spots.Second} in the {effect.WindowDays} days before" +
                       (spots.Ratio is { } r ? $" (rate ratio {r.Ratio:0.00}, 95 % interval {r.Lower:0.00} to {r.Upper:0.00})." : ".")), PdfWriter.Body);

        pdf.Section("Crime");
        if (crime.ByType.Count == 0)
            pdf.Text($"No crimes are recorded for the 12 months from {yearBefore.ToString("MMMM yyyy", i)} to {first.ToString("MMMM yyyy", i)}" +
                     " (none imported yet, or none in these months).", PdfWriter.Body);
        var byMonth = Bars.Render("Crimes per month, last 12 months", "crimes", crime.ByMonth.Rows.Select(row => (row[0], double.Parse(row[1], i))).ToList(), width: 760);
        if (byMonth.Png() is { } trend) pdf.Image(trend, pdf.Width * 0.85, byMonth.Description);
        pdf.Table(["Crime type (12 months)", "Crimes", "Harm (days)"],
            crime.ByType.Take(8).Select(t => (IReadOnlyList<string>)[t.Category + (t.SeriousViolence ? " *" : ""), t.Count.ToString("N0", i), t.Harm.ToString("N0", i)]), [3, 1, 1]);

        pdf.Section("Compliance: dose against target");
        pdf.Text($"Target {dose.Targets.DailyTargetMinutes:0} officer-minutes a police day in each assigned spot ({dose.Targets.VisitsPerDay} visits of " +
                 $"{dose.Targets.MinutesPerVisit:0} minutes). Assigned: {dose.Assignment}. Green at 90 % of the target or more, amber from 50 %, red below.", PdfWriter.Body);
        var daily = Bars.Render("Tasked officer-minutes per police day", "minutes", dose.ByDay.Select(d => (d.Name, d.Minutes)).ToList(),
            dose.ByDay.Count == 0 ? null : dose.ByDay.Average(d => d.TargetMinutes), 760);
        if (daily.Png() is { } dailyPng) pdf.Image(dailyPng, pdf.Width * 0.85, daily.Description);
        if (dose.Withheld is { } withheld) pdf.Text(withheld, PdfWriter.Body);
        else
            pdf.Table(["Spot", "Target (min)", "Delivered (min)", "Visits", "Koper", "Status"],
                dose.BySpot.Select(l => (IReadOnlyList<string>)[l.Name, l.TargetMinutes.ToString("N0", i), l.Minutes.ToString("N0", i), l.Visits.ToString(i),
                    l.KoperVisits.ToString(i), l.Status is { } s ? $"{s} {l.Share:P0}" : "–"]), [3.2, 1, 1.1, 0.7, 0.7, 1.1]);
        if (dose.ControlTotals is { } controls)
            pdf.Text(string.Create(i, $"Control spots together ({controls.Spots} spots, {controls.PlaceDays} control place-days): {controls.FeedMinutes:N0} minutes of police presence from the location feed in {controls.Visits} visits; {controls.TaskedMinutes:N0} tasked minutes (should be none)."),
                PdfWriter.Body);
        if (dose.ByTeam.Count > 0)
            pdf.Table(["Team", "Minutes", "Visits", "Koper visits"],
                dose.ByTeam.Select(l => (IReadOnlyList<string>)[l.Name, l.Minutes.ToString("N0", i), l.Visits.ToString(i), l.KoperVisits.ToString(i)]), [3, 1, 1, 1]);

        pdf.Section("Impact");
        pdf.Text(ImpactQuery.Method, PdfWriter.Small, XBrushes.DimGray, 4);
        var comparisons = new List<RateComparison>();
        if (effect.TrialItt is { } itt) comparisons.Add(itt);
        comparisons.AddRange(effect.BeforeAfter);
        if (effect.DifferenceInDifferences is { } did) comparisons.Add(did);
        if (comparisons.Count == 0) pdf.Text("No comparison can be made: no hot spot set was published for this month.", PdfWriter.Body);
        else pdf.Table(["Comparison", "First", "Second", "Rate ratio", "95 % interval"],
            comparisons.Select(c => (IReadOnlyList<string>)[c.Label, $"{c.First} ({c.FirstName})", $"{c.Second} ({c.SecondName})",
                c.Ratio is { } rr ? rr.Ratio.ToString("0.00", i) : "–", c.Ratio is { } ci ? $"{ci.Lower:0.00} – {ci.Upper:0.00}" : "too few"]), [3, 1.6, 1.6, 0.8, 1.1]);
        if (effect.Displacement is { } d)
            pdf.Text($"Weighted displacement difference over a {effect.BufferMetres:0} m buffer: {d.Wdd:0.0} crimes (95 % interval {d.Lower:0.0} to {d.Upper:0.0}); " +
                     $"spots {d.TreatedBefore} → {d.TreatedAfter}, buffers {d.BufferBefore} → {d.BufferAfter}, rest of the area {d.ControlBefore} → {d.ControlAfter}.", PdfWriter.Body);

        pdf.Section("Leaderboard");
        var (fromUtc, toUtc) = (force.PoliceDayStartUtc(first), force.PoliceDayStartUtc(last.AddDays(1)));
        var officers = (await workforce.ListOfficersAsync(cancellationToken)).ToDictionary(o => o.OfficerId);
        var initials = (await settings.GetAsync(cancellationToken)).InitialsOutsideTeam;
        var rows = (await patrols.MinutesByOfficerAsync(fromUtc, toUtc, cancellationToken))
            .OrderByDescending(o => o.MinutesInside).ThenByDescending(o => o.KoperVisits).Take(10).ToList();
        pdf.Text(rows.Count == 0 ? $"No patrols were recorded in {first.ToString("MMMM yyyy", i)}." :
            initials ? "Officers by minutes in hot spots (initials only, as the force's setting asks)." : "Officers by minutes in hot spots.", PdfWriter.Body);
        if (rows.Count > 0) pdf.Table(["#", "Officer", "Team", "Minutes", "Koper visits", "Activities"],
            rows.Select((o, k) =>
            {
                var officer = officers.GetValueOrDefault(o.OfficerId);
                var name = officer?.DisplayName ?? "Unknown officer";
                return (IReadOnlyList<string>)[(k + 1).ToString(i), initials ? LeaderboardQuery.Initials(name) : name, officer?.TeamName ?? "–",
                    o.MinutesInside.ToString("N0", i), o.KoperVisits.ToString(i), o.Activities.ToString(i)];
            }), [0.4, 2, 1.6, 1, 1, 1]);
        return pdf.ToBytes();
    }
}

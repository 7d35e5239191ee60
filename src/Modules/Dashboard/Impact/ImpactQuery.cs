using System.Globalization;
using HotSpots.Modules.Dashboard.Charts;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Dashboard.Crimes;
using HotSpots.Modules.Dashboard.Evaluation;
using HotSpots.Modules.Dashboard.Trials;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;

namespace HotSpots.Modules.Dashboard.Impact;

/// <summary>
/// Crime in treatment against control spots and before against after, with intervals, and displacement in a buffer
/// around the spots. The spots are the last sealed trial's (treatment and control arms) or else the published set's
/// (against the rest of the force area).
/// </summary>
internal sealed class ImpactQuery(CrimeCache cache, SpotAreas areas, IHotspotSnapshot hotspots, ITrials trials, ForceOptions force, TimeProvider clock)
{
    public const string Method =
        "For a trial, the primary analysis counts every place-day in the arm it was randomised to, whether or not it was patrolled (intention to " +
        "treat), using records with a time of day placed in police days. Its rate ratio comes from a Poisson model with the arm and each spot's (or " +
        "block's) own rate, with 95 % intervals that allow for overdispersion and for crimes at one spot being alike (errors robust to clustering by " +
        "spot); its p-value is the share of 999 schedules, redrawn by the trial's own generator and design, that give a ratio as far from 1. " +
        "Other comparisons are rates with a plain Poisson model, exp(ln RR ± 1.96 √(1/a + 1/b)): it takes every crime as independent, so its " +
        "intervals are too narrow when crime clusters, and it is shown for comparison only. A rate ratio below 1 means fewer crimes per place-day " +
        "(or per day) in the first group. Before against after compares equal " +
        "periods either side of the intervention day; the difference in differences divides the spots' after/before ratio by the control's, with " +
        "interval exp(ln R ± 1.96 √(Σ 1/count)). Displacement is the weighted displacement difference (Bowers and Johnson 2003) over a buffer ring " +
        "around each spot, with the control's change scaled to each area and a Poisson variance (Wheeler and Ratcliffe 2018): below 0 means fewer " +
        "crimes in spots and buffers together than the control predicts; an interval that includes 0 is no evidence either way.";

    public async Task<ImpactReport> GetAsync(ImpactRequest request, Blinding blinding, CancellationToken cancellationToken)
    {
        var crimes = await cache.GetAsync(cancellationToken);
        var today = force.PoliceDay(clock.GetUtcNow().UtcDateTime);
        var trial = (await trials.ListAsync(cancellationToken)).Where(t => t.Sealed && t.FirstDay <= today).MaxBy(t => t.FirstDay);
        var treatment = trial is null ? hotspots.Current.Spots.Select(s => s.Id).ToList() : [];
        var control = new List<long>();
        IReadOnlyList<TrialPlaceDay> placeDays = [];
        if (trial is not null)
        {
            placeDays = await trials.PlaceDaysAsync(trial.Id, cancellationToken);
            // Fixed designs: a spot's arm; daily designs: every trial spot is in both, and the before/after compares them all.
            var arms = placeDays.GroupBy(p => p.HotspotId).ToDictionary(g => g.Key, g => g.Select(p => p.Arm).Distinct().ToList());
            treatment = arms.Where(a => a.Value.Contains(TrialArm.Treatment)).Select(a => a.Key).ToList();
            control = arms.Where(a => a.Value is [TrialArm.Control]).Select(a => a.Key).ToList();
        }
        var allIds = treatment.Concat(control).ToList();
        var window = Math.Clamp(request.WindowDays, 7, 365);
        var buffer = Math.Clamp(request.BufferMetres, 25, 2000);
        var membership = await areas.GetAsync(crimes, allIds, buffer, cancellationToken);
        var lastDay = crimes.LastDay;
        var intervention = request.InterventionDay
                           ?? trial?.FirstDay
                           ?? (hotspots.Current.Set?.PublishedUtc is { } p ? DateOnly.FromDateTime(force.UtcToLocal(p)) : lastDay.AddDays(-window + 1));
        if (request.InterventionDay is null && intervention > lastDay.AddDays(-6)) intervention = lastDay.AddDays(-Math.Min(window, 56) + 1);
        var after = Math.Max(1, Math.Min(window, lastDay.DayNumber - intervention.DayNumber + 1));

        var table = crimes.Table;
        var wanted = table.Categories.Select(c => !request.SeriousViolenceOnly || CrimeCategories.SeriousViolence.Contains(c)).ToArray();
        var isTreatment = allIds.Select(treatment.Contains).ToArray();
        long t0 = 0, t1 = 0, k0 = 0, k1 = 0, d0 = 0, d1 = 0, c0 = 0, c1 = 0;
        var spotBefore = new long[allIds.Count];
        var spotAfter = new long[allIds.Count];
        var bufferBefore = new long[allIds.Count];
        var bufferAfter = new long[allIds.Count];
        var weekly = new long[(window + after + 6) / 7];
        var (start, mid, end) = (intervention.DayNumber - window, intervention.DayNumber, intervention.DayNumber + after);
        for (var i = 0; i < crimes.Count; i++)
        {
            var day = crimes.Day[i];
            if (day < start || day >= end || !wanted[table.Category[i]]) continue;
            var isAfter = day >= mid;
            // Before: the last `after` days of the window, so that both periods are equally long.
            var inBefore = !isAfter && day >= mid - after;
            var s = membership.Spot[i];
            if (s >= 0)
            {
                if (isAfter) spotAfter[s]++; else if (inBefore) spotBefore[s]++;
                if (isTreatment[s])
                {
                    weekly[(day - start) / 7]++;
                    if (isAfter) t1++; else if (inBefore) t0++;
                }
                else if (isAfter) k1++;
                else if (inBefore) k0++;
                continue;
            }
            var b = membership.Buffer[i];
            if (b >= 0)
            {
                if (isAfter) bufferAfter[b]++; else if (inBefore) bufferBefore[b]++;
                if (isTreatment[b]) { if (isAfter) d1++; else if (inBefore) d0++; }
                continue;
            }
            if (isAfter) c1++; else if (inBefore) c0++;
        }

        var outcome = request.SeriousViolenceOnly ? "serious violence" : "crimes";
        var controlName = control.Count > 0 ? "control spots" : "rest of the force area";
        var (controlBefore, controlAfter) = control.Count > 0 ? (k0, k1) : (c0, c1);
        var beforeAfter = new List<RateComparison>
        {
            new($"Treatment spots, {outcome}", "after", t1, after, "before", t0, after, RateStatistics.Ratio(t1, after, t0, after)),
            new($"{char.ToUpperInvariant(controlName[0])}{controlName[1..]}, {outcome}", "after", controlAfter, after, "before", controlBefore, after,
                RateStatistics.Ratio(controlAfter, after, controlBefore, after)),
        };
        var did = new RateComparison($"Difference in differences ({outcome})", "treatment after/before", t1, t0, $"{controlName} after/before",
            controlAfter, controlBefore, RateStatistics.RatioOfRatios(t1, t0, controlAfter, controlBefore));
        var (itt, effects) = trial is null ? (null, []) : Itt(trial, placeDays, crimes, membership, wanted, today, outcome);
        var spotNames = hotspots.Current.Spots.ToDictionary(s => s.Id, s => s.Name);
        var trialNames = trial?.Spots.ToDictionary(s => s.HotspotId, s => s.Code);
        // By spot only where the viewer may see the trial's arms spot by spot (the list runs arm by arm), and only spots it may see named.
        var withheld = blinding.Withheld(trial);
        var bySpot = withheld is not null ? [] : allIds.Select((id, k) => (id, k)).Where(x => blinding.Names(x.id)).Select(x => new SpotImpact(
            trialNames?.GetValueOrDefault(x.id) ?? spotNames.GetValueOrDefault(x.id) ?? $"Spot {x.id}",
            spotBefore[x.k], spotAfter[x.k], bufferBefore[x.k], bufferAfter[x.k])).ToList();
        var i2 = CultureInfo.InvariantCulture;
        var chart = Bars.Render($"Weekly {outcome} in the treatment spots, {window} days before and {after} after {intervention.ToString("d MMM yyyy", i2)}", outcome,
            weekly.Select((n, w) => (DateOnly.FromDayNumber(start + 7 * w).ToString("d MMM yy", i2), (double)n)).ToList());
        return new ImpactReport(Method, outcome, intervention, after, trial?.Name, effects, itt, beforeAfter, did,
            RateStatistics.Displacement(t0, t1, d0, d1, c0, c1), buffer, bySpot, withheld, chart.ToChart());
    }

    private (RateComparison Plain, IReadOnlyList<TrialEffectRow> Effects) Itt(
        TrialView trial, IReadOnlyList<TrialPlaceDay> placeDays, CrimeColumns crimes, SpotMembership membership, bool[] wanted, DateOnly today, string outcome)
    {
        var last = trial.LastDay < today ? trial.LastDay : today.AddDays(-1);
        var days = Math.Max(0, last.DayNumber - trial.FirstDay.DayNumber + 1);
        var spotIndex = trial.Spots.Select((s, k) => (s.HotspotId, k)).ToDictionary(x => x.HotspotId, x => x.k);
        var counts = new PlaceDayMatrix(trial.Spots.Count, Math.Max(1, days));
        var harm = new PlaceDayMatrix(trial.Spots.Count, Math.Max(1, days));
        var arms = placeDays.Where(p => p.PoliceDay <= last).ToDictionary(p => (p.HotspotId, p.PoliceDay), p => p.Arm);
        var (firstUtc, endUtc) = (force.PoliceDayStartUtc(trial.FirstDay).Ticks, force.PoliceDayStartUtc(last.AddDays(1)).Ticks);
        long treated = 0, controlled = 0;
        var table = crimes.Table;
        for (var i = 0; i < crimes.Count; i++)
        {
            var s = membership.Spot[i];
            if (s < 0 || !table.HasTimeOfDay[i] || !wanted[table.Category[i]]) continue;
            var ticks = table.OccurredUtcTicks[i];
            if (ticks < firstUtc || ticks >= endUtc) continue;
            var day = force.PoliceDay(new DateTime(ticks, DateTimeKind.Utc));
            if (!arms.TryGetValue((membership.SpotIds[s], day), out var arm)) continue;
            if (arm == TrialArm.Treatment) treated++; else controlled++;
            if (spotIndex.TryGetValue(membership.SpotIds[s], out var k))
            {
                counts[k, day.DayNumber - trial.FirstDay.DayNumber]++;
                harm[k, day.DayNumber - trial.FirstDay.DayNumber] += table.CategoryHarm[table.Category[i]];
            }
        }
        var treatmentDays = arms.Count(a => a.Value == TrialArm.Treatment);
        var controlDays = arms.Count - treatmentDays;
        var plain = new RateComparison($"Trial “{trial.Name}”, {outcome} per place-day (intention to treat; plain Poisson, for comparison only)",
            "treatment place-days", treated, treatmentDays, "control place-days", controlled, controlDays, RateStatistics.Ratio(treated, treatmentDays, controlled, controlDays));
        if (days < 1) return (plain, []);
        var allocation = TrialAnalysis.Arms(trial, placeDays, days);
        var effects = new[]
        {
            TrialAnalysis.Analyse(trial, allocation, counts, "intention to treat", outcome),
            TrialAnalysis.Analyse(trial, allocation, harm, "intention to treat", $"harm of {outcome} (CCHI days)"),
        };
        return (plain, effects.OfType<TrialEffectRow>().ToList());
    }
}

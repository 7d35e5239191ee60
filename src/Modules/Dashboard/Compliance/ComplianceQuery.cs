using System.Globalization;
using HotSpots.Modules.Dashboard.Charts;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Dashboard.Trials;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;

namespace HotSpots.Modules.Dashboard.Compliance;

/// <summary>
/// Dose against target. Assigned place-days are a sealed trial's treatment place-days when a trial covers the period,
/// otherwise every spot of the published set on every police day of the period. Minutes are tasked officer-minutes (derived
/// visits of patrols); control spots' presence comes from the location feed and is shown apart. While a trial runs, a viewer
/// who does not evaluate gets no figures by spot of it, and control spots only in total (<see cref="Blinding"/>).
/// </summary>
internal sealed class ComplianceQuery(IPatrolPresence patrols, ITaskingModule tasking, IWorkforce workforce, ITrials trials, IHotspotSnapshot hotspots,
    IIngestedData ingestion, ForceOptions force, TimeProvider clock)
{
    /// <summary>The team of an officer who has none, in figures by team.</summary>
    public const string NoTeam = "No team";

    public async Task<ComplianceReport> GetAsync(DateOnly? fromDay, DateOnly? toDay, Blinding blinding, CancellationToken cancellationToken)
    {
        var today = force.PoliceDay(clock.GetUtcNow().UtcDateTime);
        var to = toDay is { } t && t < today ? t : today;
        var from = fromDay ?? to.AddDays(-27);
        if (from > to) from = to;
        var targets = await tasking.GetDoseTargetsAsync(cancellationToken);
        var daily = targets.DailyTargetMinutes;

        var trial = (await trials.ListAsync(cancellationToken)).Where(x => x.Sealed && x.FirstDay <= to && x.LastDay >= from).MaxBy(x => x.FirstDay);
        var withheld = blinding.Withheld(trial);
        var names = hotspots.Current.Spots.ToDictionary(s => s.Id, s => s.Name);
        List<(long Spot, DateOnly Day)> assigned;
        List<(long Spot, DateOnly Day)> controlDays = [];
        string assignment;
        if (trial is not null)
        {
            var days = (await trials.PlaceDaysAsync(trial.Id, cancellationToken)).Where(p => p.PoliceDay >= from && p.PoliceDay <= to).ToList();
            assigned = days.Where(p => p.Arm == TrialArm.Treatment).Select(p => (p.HotspotId, p.PoliceDay)).ToList();
            controlDays = days.Where(p => p.Arm == TrialArm.Control).Select(p => (p.HotspotId, p.PoliceDay)).ToList();
            foreach (var s in trial.Spots) names.TryAdd(s.HotspotId, s.Name);
            assignment = $"the treatment place-days of trial “{trial.Name}”";
        }
        else
        {
            assigned = [.. hotspots.Current.Spots.SelectMany(s => Days(from, to).Select(d => (s.Id, d)))];
            assignment = "no trial covers the period, so every spot of the published set on every police day";
        }

        var (fromUtc, toUtc) = (force.PoliceDayStartUtc(from), force.PoliceDayStartUtc(to.AddDays(1)));
        var dosage = await DosageAsync(from, to, cancellationToken);
        var assignedSet = assigned.ToHashSet();
        SpotDayDosage? Dose(long spot, DateOnly day) => dosage.GetValueOrDefault((spot, day));

        // By spot only where the viewer may see the trial's arms spot by spot, and only spots the viewer may see named.
        var bySpot = withheld is not null ? [] : assigned.Where(a => blinding.Names(a.Spot)).GroupBy(a => a.Spot)
            .Select(g => Line(names.GetValueOrDefault(g.Key) ?? $"Spot {g.Key}", g.Count() * daily, g.Select(a => Dose(a.Spot, a.Day)), g.Count()))
            .OrderBy(l => l.Share ?? 0).ToList();
        var byDay = Days(from, to).Select(d =>
        {
            var spots = assigned.Where(a => a.Day == d).ToList();
            return Line(d.ToString("ddd d MMM", CultureInfo.InvariantCulture), spots.Count * daily, spots.Select(a => Dose(a.Spot, a.Day)), spots.Count);
        }).ToList();

        var visits = (await patrols.ListVisitsAsync(fromUtc, toUtc, PresenceSource.Patrols, cancellationToken))
            .Where(v => assignedSet.Contains((v.HotspotId, force.PoliceDay(v.EnteredUtc)))).ToList();
        var officers = (await workforce.ListOfficersAsync(cancellationToken)).ToDictionary(o => o.OfficerId);
        var shifts = (await tasking.TodayAsync(cancellationToken)).Shifts;
        var byTeam = visits.GroupBy(v => officers.GetValueOrDefault(v.SubjectId)?.TeamName ?? NoTeam)
            .Select(g => VisitLine(g.Key, g)).OrderByDescending(l => l.Minutes).ToList();
        var byShift = visits.GroupBy(v => ShiftOf(shifts, force.UtcToLocal(v.EnteredUtc).Hour))
            .Select(g => VisitLine(g.Key, g)).OrderBy(l => shifts.ToList().FindIndex(s => s.Name == l.Name)).ToList();

        var controlRows = trial is null ? [] : await ControlRowsAsync(trial, controlDays, from, to, Dose, cancellationToken);
        var controls = withheld is not null ? [] : controlRows.Where(c => blinding.Names(c.HotspotId))
            .Select(c => Presence(trial!, c, names)).ToList();
        ControlTotals? controlTotals = controlRows.Count == 0 ? null : new ControlTotals(controlRows.Count, controlRows.Sum(c => c.Days),
            controlRows.Sum(c => c.FeedMinutes), controlRows.Sum(c => c.Visits), controlRows.Sum(c => c.TaskedMinutes));

        var patrolled = assigned.Count(a => Dose(a.Spot, a.Day) is { Visits: > 0 });
        var dosed = assigned.Count(a => Dose(a.Spot, a.Day) is { } d && d.OfficerMinutes >= daily);
        var chart = Bars.Render("Tasked officer-minutes in assigned spots per police day", "minutes",
            byDay.Select(d => (d.Name, d.Minutes)).ToList(), target: byDay.Count == 0 ? null : byDay.Average(d => d.TargetMinutes));
        var assignedDoses = assigned.Select(a => Dose(a.Spot, a.Day)).OfType<SpotDayDosage>().ToList();

        // Presence by arm: the location feed and tasked patrols in every place-day, treatment and control alike.
        var allPatrolVisits = await patrols.ListVisitsAsync(fromUtc, toUtc, PresenceSource.Patrols, cancellationToken);
        var feedVisits = await patrols.ListVisitsAsync(fromUtc, toUtc, PresenceSource.LocationFeed, cancellationToken);
        ArmPresence.Stay Stay(VisitView v) => new(v.HotspotId, force.PoliceDay(v.EnteredUtc), v.EnteredUtc, v.ExitedUtc);
        var armDays = trial is null
            ? assigned.Select(a => (a.Spot, a.Day, "All published spots"))
            : assigned.Select(a => (a.Spot, a.Day, "Treatment")).Concat(controlDays.Select(c => (c.Spot, c.Day, "Control")));
        var presenceDays = ArmPresence.PerSpotDay(armDays, feedVisits.Select(Stay), allPatrolVisits.Select(Stay));
        var byArm = ArmPresence.ByArm(presenceDays);
        // By spot only where the viewer sees the arms spot by spot, as for the dose by spot.
        var bySpotPresence = withheld is not null ? [] : presenceDays.Where(d => blinding.Names(d.Spot)).GroupBy(d => d.Spot)
            .Select(g => new SpotPresence(names.GetValueOrDefault(g.Key) ?? $"Spot {g.Key}", string.Join(" and ", g.Select(d => d.Arm).Distinct().Order(StringComparer.Ordinal).Reverse()),
                g.Count(), g.Sum(d => d.FeedMinutes), g.Sum(d => d.PatrolMinutes), g.Sum(d => d.OverlapMinutes)))
            .OrderBy(s => s.Spot, StringComparer.Ordinal).ToList();
        // Activities by kind, per team (all spots) and per spot (only as the viewer may see spots named).
        var activityCounts = ActivityCounts.BySpotTeamAndDay((await patrols.ListActivitiesAsync(fromUtc, toUtc, cancellationToken))
            .Select(a => new ActivityCounts.Entry(a.HotspotId, officers.GetValueOrDefault(a.OfficerId)?.TeamName ?? NoTeam, force.PoliceDay(a.TimeUtc), a.Kind)));
        var kinds = force.Values.ActivityKinds;
        var activitiesByTeam = ActivityCounts.Table(activityCounts, kinds, c => c.Team);
        var activitiesBySpot = ActivityCounts.Table(withheld is not null ? [] : activityCounts.Where(c => blinding.Names(c.HotspotId)), kinds,
            c => names.GetValueOrDefault(c.HotspotId) ?? $"Spot {c.HotspotId}");
        return new ComplianceReport(from, to, targets, assignment, assigned.Count, patrolled, dosed, bySpot, byTeam, byShift, byDay,
            controls, controlTotals, withheld, chart.ToChart(),
            assignedDoses.Sum(d => d.ObservedMinutes), assignedDoses.Sum(d => d.UnobservedMinutes), byArm, bySpotPresence, activitiesByTeam, activitiesBySpot);
    }

    /// <summary>Presence in each control spot of a trial on its control days so far, by spot: for the trial's evaluators.</summary>
    public async Task<IReadOnlyList<ControlPresence>> TrialControlsAsync(long trialId, CancellationToken cancellationToken)
    {
        var trial = await trials.GetAsync(trialId, cancellationToken) ?? throw new KeyNotFoundException($"There is no trial {trialId}.");
        var today = force.PoliceDay(clock.GetUtcNow().UtcDateTime);
        var to = trial.LastDay < today ? trial.LastDay : today;
        if (to < trial.FirstDay) return [];
        var controlDays = (await trials.PlaceDaysAsync(trialId, cancellationToken))
            .Where(p => p.Arm == TrialArm.Control && p.PoliceDay <= to).Select(p => (p.HotspotId, p.PoliceDay)).ToList();
        var dosage = await DosageAsync(trial.FirstDay, to, cancellationToken);
        var rows = await ControlRowsAsync(trial, controlDays, trial.FirstDay, to, (spot, day) => dosage.GetValueOrDefault((spot, day)), cancellationToken);
        var names = trial.Spots.ToDictionary(s => s.HotspotId, s => s.Name);
        return rows.Select(r => Presence(trial, r, names)).OrderBy(p => p.Spot, StringComparer.Ordinal).ToList();
    }

    /// <summary>The flow of a trial's place-days from its first day up to today or its last day (<see cref="TrialFlowCount"/>).</summary>
    public async Task<TrialFlow> TrialFlowAsync(long trialId, CancellationToken cancellationToken)
    {
        var trial = await trials.GetAsync(trialId, cancellationToken) ?? throw new KeyNotFoundException($"There is no trial {trialId}.");
        var today = force.PoliceDay(clock.GetUtcNow().UtcDateTime);
        var to = trial.LastDay < today ? trial.LastDay : today;
        if (to < trial.FirstDay)
            return TrialFlowCount.Compute(null, [], new Dictionary<(long, DateOnly), (double, int)>(), trial.Targets.DailyTargetMinutes, [], [], null);
        var placeDays = (await trials.PlaceDaysAsync(trialId, cancellationToken)).Where(p => p.PoliceDay <= to)
            .Select(p => (p.HotspotId, p.PoliceDay, p.Arm == TrialArm.Treatment)).ToList();
        var (fromUtc, toUtc) = (force.PoliceDayStartUtc(trial.FirstDay), force.PoliceDayStartUtc(to.AddDays(1)));
        var tasked = (await DosageAsync(trial.FirstDay, to, cancellationToken)).ToDictionary(d => d.Key, d => (d.Value.OfficerMinutes, d.Value.Visits));
        var spots = trial.Spots.Select(s => s.HotspotId).ToHashSet();
        ArmPresence.Stay Stay(VisitView v) => new(v.HotspotId, force.PoliceDay(v.EnteredUtc), v.EnteredUtc, v.ExitedUtc);
        var feed = (await patrols.ListVisitsAsync(fromUtc, toUtc, PresenceSource.LocationFeed, cancellationToken)).Where(v => spots.Contains(v.HotspotId)).Select(Stay).ToList();
        var patrolStays = (await patrols.ListVisitsAsync(fromUtc, toUtc, PresenceSource.Patrols, cancellationToken)).Where(v => spots.Contains(v.HotspotId)).Select(Stay).ToList();
        var latest = await ingestion.GetLatestOccurrenceAsync(cancellationToken);
        return TrialFlowCount.Compute(to, placeDays, tasked, trial.Targets.DailyTargetMinutes, feed, patrolStays,
            latest is { } l ? force.PoliceDay(l) : null);
    }

    private sealed record ControlRow(long HotspotId, int Days, double FeedMinutes, int Visits, double TaskedMinutes);

    private async Task<Dictionary<(long, DateOnly), SpotDayDosage>> DosageAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await patrols.GetDosageAsync(force.PoliceDayStartUtc(from), force.PoliceDayStartUtc(to.AddDays(1)), PresenceSource.Patrols, cancellationToken))
            .ToDictionary(d => (d.HotspotId, force.PoliceDay(d.PoliceDayStartUtc)));

    /// <summary>Each control spot's presence from the location feed on its control days, and the tasked minutes there (which should be none).</summary>
    private async Task<List<ControlRow>> ControlRowsAsync(TrialView trial, List<(long Spot, DateOnly Day)> controlDays, DateOnly from, DateOnly to,
        Func<long, DateOnly, SpotDayDosage?> dose, CancellationToken cancellationToken)
    {
        if (controlDays.Count == 0) return [];
        var feed = await patrols.GetDosageAsync(force.PoliceDayStartUtc(from), force.PoliceDayStartUtc(to.AddDays(1)), PresenceSource.LocationFeed, cancellationToken);
        return controlDays.GroupBy(c => c.Spot).Select(g =>
        {
            var days = g.Select(c => c.Day).ToHashSet();
            var presence = feed.Where(f => f.HotspotId == g.Key && days.Contains(force.PoliceDay(f.PoliceDayStartUtc))).ToList();
            return new ControlRow(g.Key, days.Count, presence.Sum(p => p.OfficerMinutes), presence.Sum(p => p.Visits), g.Sum(c => dose(c.Spot, c.Day)?.OfficerMinutes ?? 0));
        }).ToList();
    }

    private static ControlPresence Presence(TrialView trial, ControlRow row, IReadOnlyDictionary<long, string> names)
    {
        var code = trial.Spots.FirstOrDefault(s => s.HotspotId == row.HotspotId)?.Code ?? "";
        return new ControlPresence($"{code} {names.GetValueOrDefault(row.HotspotId)}".Trim(), row.FeedMinutes, row.Visits, row.Days, row.TaskedMinutes);
    }

    private static DoseLine Line(string name, double target, IEnumerable<SpotDayDosage?> doses, int placeDays)
    {
        var list = doses.OfType<SpotDayDosage>().ToList();
        return new DoseLine(name, target, list.Sum(d => d.OfficerMinutes), list.Sum(d => d.Visits), list.Sum(d => d.KoperVisits), placeDays,
            list.Sum(d => d.ObservedMinutes), list.Sum(d => d.UnobservedMinutes));
    }

    private static DoseLine VisitLine(string name, IEnumerable<VisitView> visits)
    {
        var list = visits.ToList();
        return new DoseLine(name, 0, list.Sum(v => v.Minutes), list.Count, list.Count(v => v.Koper), list.Select(v => (v.HotspotId, v.EnteredUtc.Date)).Distinct().Count());
    }

    private static string ShiftOf(IReadOnlyList<Shift> shifts, int hour) =>
        shifts.FirstOrDefault(s => s.StartHour <= s.EndHour ? hour >= s.StartHour && hour < s.EndHour : hour >= s.StartHour || hour < s.EndHour)?.Name ?? "Other";

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1)) yield return d;
    }
}

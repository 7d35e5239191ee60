using System.Globalization;
using System.Text;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using CsvCell = HotSpots.Modules.Dashboard.Exports.CsvCell;

namespace HotSpots.Modules.Dashboard.Compliance;

/// <summary>
/// Presence per spot and police day, treatment and control alike: the location feed's officer-minutes, tasked minutes,
/// and their overlap (<see cref="ArmPresence"/>), for a trial's page and export and for the OData feed.
/// </summary>
internal sealed class PresenceQuery(IPatrolPresence patrols, ITrials trials, IAuditLog audit, ForceOptions force, TimeProvider clock)
{
    /// <summary>The feed's rows start at 2000, as <see cref="DosageRow"/>'s key does.</summary>
    private static readonly DateOnly Epoch = new(2000, 1, 1);

    public const string TreatmentArm = "Treatment";
    public const string ControlArm = "Control";

    private DateOnly Today => force.PoliceDay(clock.GetUtcNow().UtcDateTime);

    public async Task<TrialPresence> TrialAsync(long trialId, CancellationToken cancellationToken)
    {
        var trial = await trials.GetAsync(trialId, cancellationToken) ?? throw new KeyNotFoundException($"There is no trial {trialId}.");
        var to = trial.LastDay < Today ? trial.LastDay : Today;
        if (!trial.Sealed || to < trial.FirstDay) return new TrialPresence(trial.FirstDay, to, [], []);
        var placeDays = (await trials.PlaceDaysAsync(trialId, cancellationToken)).Where(p => p.PoliceDay <= to).ToList();
        var codes = placeDays.DistinctBy(p => p.HotspotId).ToDictionary(p => p.HotspotId, p => p.SpotCode);
        var days = await SpotDaysAsync(trial.FirstDay, to, placeDays.Select(p => (p.HotspotId, p.PoliceDay, Arm(p.Arm))), cancellationToken);
        return new TrialPresence(trial.FirstDay, to, ArmPresence.ByArm(days),
            days.Select(d => new SpotDayPresence(d.Spot, codes[d.Spot], d.Day, d.Arm, d.FeedMinutes, d.PatrolMinutes, d.OverlapMinutes))
                .OrderBy(d => d.PoliceDay).ThenBy(d => d.Spot, StringComparer.Ordinal).ToList());
    }

    public async Task<string> TrialCsvAsync(long trialId, string exportedBy, CancellationToken cancellationToken)
    {
        var presence = await TrialAsync(trialId, cancellationToken);
        var csv = new StringBuilder("police_day,spot,arm,feed_officer_minutes,tasked_officer_minutes,overlap_minutes\n");
        foreach (var d in presence.Days)
            csv.Append(CultureInfo.InvariantCulture, $"{d.PoliceDay:yyyy-MM-dd},{CsvCell.Text(d.Spot)},{d.Arm?.ToLowerInvariant()},{CsvCell.Number(d.FeedMinutes)},{CsvCell.Number(d.PatrolMinutes)},{CsvCell.Number(d.OverlapMinutes)}\n");
        await audit.RecordAsync(new AuditEntry(exportedBy, "trial.export", $"trial {trialId}",
            Details: $"presence per spot and police day to {presence.To:yyyy-MM-dd}"), cancellationToken);
        return csv.ToString();
    }

    /// <summary>
    /// The feed's rows: every spot-day of the last 366 police days with feed or tasked presence, and every place-day of a
    /// sealed trial in them. The feed is a machine client that sees a running trial's arms in totals only
    /// (docs/security.md), so a place-day's arm is given once its trial is over.
    /// </summary>
    public async Task<IEnumerable<PresenceRow>> FeedAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var from = today.AddDays(-365);
        var (feed, tasked) = await StaysAsync(from, today, cancellationToken);
        var keys = new HashSet<(long, DateOnly)>(feed.Concat(tasked).Where(s => s.Day >= from && s.Day <= today).Select(s => (s.Spot, s.Day)));
        var arms = new Dictionary<(long, DateOnly), string>();
        foreach (var trial in (await trials.ListAsync(cancellationToken)).Where(t => t.Sealed && t.FirstDay <= today && t.LastDay >= from))
            foreach (var p in (await trials.PlaceDaysAsync(trial.Id, cancellationToken)).Where(p => p.PoliceDay >= from && p.PoliceDay <= today))
            {
                keys.Add((p.HotspotId, p.PoliceDay));
                if (trial.LastDay < today) arms[(p.HotspotId, p.PoliceDay)] = Arm(p.Arm);
            }
        var days = ArmPresence.PerSpotDay(keys.Select(k => (k.Item1, k.Item2, arms.GetValueOrDefault(k) ?? "")), feed, tasked);
        return days.OrderBy(d => d.Day).ThenBy(d => d.Spot).Select(d => new PresenceRow
        {
            Id = d.Spot * 100_000 + (d.Day.DayNumber - Epoch.DayNumber), HotspotId = d.Spot,
            PoliceDayStart = new DateTimeOffset(DateTime.SpecifyKind(force.PoliceDayStartUtc(d.Day), DateTimeKind.Utc)),
            Arm = d.Arm == "" ? null : d.Arm,
            FeedMinutes = Math.Round(d.FeedMinutes, 2), TaskedMinutes = Math.Round(d.PatrolMinutes, 2), OverlapMinutes = Math.Round(d.OverlapMinutes, 2),
        }).ToList();
    }

    private static string Arm(TrialArm arm) => arm == TrialArm.Treatment ? TreatmentArm : ControlArm;

    private async Task<IReadOnlyList<ArmPresence.SpotDay>> SpotDaysAsync(DateOnly from, DateOnly to, IEnumerable<(long, DateOnly, string)> placeDays, CancellationToken cancellationToken)
    {
        var (feed, tasked) = await StaysAsync(from, to, cancellationToken);
        return ArmPresence.PerSpotDay(placeDays, feed, tasked);
    }

    /// <summary>The feed's and the tasked patrols' visits that overlap police days [from, to], each in the police day it began.</summary>
    private async Task<(List<ArmPresence.Stay> Feed, List<ArmPresence.Stay> Tasked)> StaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (fromUtc, toUtc) = (force.PoliceDayStartUtc(from), force.PoliceDayStartUtc(to.AddDays(1)));
        ArmPresence.Stay Stay(VisitView v) => new(v.HotspotId, force.PoliceDay(v.EnteredUtc), v.EnteredUtc, v.ExitedUtc);
        var feed = (await patrols.ListVisitsAsync(fromUtc, toUtc, PresenceSource.LocationFeed, cancellationToken)).Select(Stay).ToList();
        var tasked = (await patrols.ListVisitsAsync(fromUtc, toUtc, PresenceSource.Patrols, cancellationToken)).Select(Stay).ToList();
        return (feed, tasked);
    }
}

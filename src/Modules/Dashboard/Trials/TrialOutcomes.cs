using System.Globalization;
using System.Text;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Dashboard.Trials;

/// <summary>
/// Place-day outcomes for the evaluator: for every spot and police day of the trial up to today, its arm, the
/// crimes that occurred in it (records with a time of day only, so that each falls in one police day), serious
/// violence, harm, and the tasked patrol dose: minutes inside, patrols, and how much of those patrols' time was
/// measured and how much was not (page hidden, phone locked, no fix: docs/measurement.md), counted for the spot patrolled
/// and the police day the patrol started. Spots appear only by their trial code.
/// </summary>
internal sealed class TrialOutcomes(
    ITrials trials, IHotspotModule hotspots, IIngestedData ingestion, IPatrolPresence patrols, IAuditLog audit,
    ForceOptions force, TimeProvider clock)
{
    public async Task<string> CsvAsync(long trialId, string exportedBy, CancellationToken cancellationToken)
    {
        var trial = await trials.GetAsync(trialId, cancellationToken) ?? throw new KeyNotFoundException($"There is no trial {trialId}.");
        var placeDays = await trials.PlaceDaysAsync(trialId, cancellationToken);
        var today = force.PoliceDay(clock.GetUtcNow().UtcDateTime);
        var lastDay = trial.LastDay < today ? trial.LastDay : today;
        var spots = await hotspots.GetSnapshotAsync(trial.SetId, trial.Spots.Select(s => s.HotspotId).ToList(), cancellationToken);

        var crimes = new Dictionary<(long, DateOnly), (int All, int Violence, double Harm)>();
        if (lastDay >= trial.FirstDay)
        {
            var points = await ingestion.GetCrimePointsAsync(force.PoliceDayStartUtc(trial.FirstDay), force.PoliceDayStartUtc(lastDay.AddDays(1)), cancellationToken);
            foreach (var crime in points.Where(p => p.HasTimeOfDay))
            {
                var position = new GeoPoint(crime.Latitude, crime.Longitude);
                foreach (var spot in spots.Spots.Where(s => spots.Contains(s.Id, position)))
                {
                    var key = (spot.Id, force.PoliceDay(crime.OccurredUtc));
                    var (all, violence, harm) = crimes.GetValueOrDefault(key);
                    crimes[key] = (all + 1, violence + (CrimeCategories.SeriousViolence.Contains(crime.Category) ? 1 : 0), harm + crime.Harm);
                }
            }
        }

        var dose = new Dictionary<(long, DateOnly), SpotMinutes>();
        for (var day = trial.FirstDay; day <= lastDay; day = day.AddDays(1))
            foreach (var minutes in await patrols.MinutesBySpotAsync(force.PoliceDayStartUtc(day), force.PoliceDayStartUtc(day.AddDays(1)), cancellationToken))
                dose[(minutes.HotspotId, day)] = minutes;

        var observation = lastDay < trial.FirstDay ? []
            : (await patrols.GetDosageAsync(force.PoliceDayStartUtc(trial.FirstDay), force.PoliceDayStartUtc(lastDay.AddDays(1)), PresenceSource.Patrols, cancellationToken))
                .ToDictionary(d => (d.HotspotId, force.PoliceDay(d.PoliceDayStartUtc)));

        var i = CultureInfo.InvariantCulture;
        var csv = new StringBuilder("police_day,spot,arm,crimes,serious_violence,harm_days,tasked_officer_minutes,tasked_patrols,observed_minutes,unobserved_minutes\n");
        foreach (var p in placeDays.Where(p => p.PoliceDay <= lastDay))
        {
            var (all, violence, harm) = crimes.GetValueOrDefault((p.HotspotId, p.PoliceDay));
            var patrol = dose.GetValueOrDefault((p.HotspotId, p.PoliceDay));
            var seen = observation.GetValueOrDefault((p.HotspotId, p.PoliceDay));
            csv.Append(i, $"{p.PoliceDay:yyyy-MM-dd},{p.SpotCode},{(p.Arm == TrialArm.Treatment ? "treatment" : "control")},{all},{violence},{harm:0.##},{patrol?.MinutesInside ?? 0:0.#},{patrol?.Patrols ?? 0},{seen?.ObservedMinutes ?? 0:0.#},{seen?.UnobservedMinutes ?? 0:0.#}\n");
        }
        await audit.RecordAsync(new AuditEntry(exportedBy, "trial.export", $"trial {trial.Id} ({trial.Name})",
            Details: $"place-day outcomes to {lastDay:yyyy-MM-dd}"), cancellationToken);
        return csv.ToString();
    }
}

using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Contracts.Demo;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;

namespace HotSpots.Web.Demo;

/// <summary>
/// A deterministic patrol history for the demo force: over the last police days, rostered officers walk into spots in
/// the evening, stay a while (some for a Koper-length visit), log an activity now and then, and walk out. Everything goes
/// through the Patrols module as a phone would send it, so visits, dose and leaderboards are derived the normal way.
/// </summary>
internal sealed class DemoPatrols(IDemoPatrolHistory history, IOfficerPatrols patrols, IWorkforceAdministration workforce, IHotspotSnapshot hotspots, ForceOptions force, TimeProvider clock)
{
    /// <summary>Officers on the demo roster who have no sign-in, with their teams.</summary>
    public static readonly IReadOnlyList<(string Id, string Name, string Team)> Roster =
    [
        ("demo-roster-1", "PC Priya Shah", "Town Centre"), ("demo-roster-2", "PC Tom Hughes", "Town Centre"),
        ("demo-roster-3", "PC Aisha Bello", "Oxford Road"), ("demo-roster-4", "PC Dan Wright", "Oxford Road"),
        ("demo-roster-5", "PC Mia Collins", "Night-Time Economy"), ("demo-roster-6", "PC Owen Price", "Night-Time Economy"),
        ("demo-roster-7", "PCSO Kate Lowe", "Night-Time Economy"),
    ];

    private const double MetresPerDegree = 111_320;

    public async Task SeedAsync(int seed, int days, IReadOnlyList<string> officerIds, CancellationToken cancellationToken)
    {
        var spots = hotspots.Current.Spots;
        if (spots.Count == 0 || days <= 0) return;
        var random = new Random(seed);
        var today = force.PoliceDay(clock.GetUtcNow().UtcDateTime);
        for (var day = today.AddDays(-days); day < today; day = day.AddDays(1))
        {
            foreach (var officer in officerIds)
            {
                var patrolsToday = random.Next(0, 4);
                var evening = force.PoliceDayStartUtc(day).AddHours(12 + random.Next(0, 6));
                for (var k = 0; k < patrolsToday; k++)
                {
                    // The higher-ranked spots get more patrols, as Direct me weighs by need.
                    var spot = spots[Math.Min(spots.Count - 1, (int)(Math.Pow(random.NextDouble(), 1.6) * spots.Count))];
                    var minutesInside = random.NextDouble() < 0.55 ? 10 + random.NextDouble() * 6 : 3 + random.NextDouble() * 25;
                    evening = await PatrolAsync(officer, spot, evening, minutesInside, random, cancellationToken);
                    evening = evening.AddMinutes(20 + random.Next(60));
                }
            }
        }
    }

    private async Task<DateTime> PatrolAsync(string officer, PublishedHotspot spot, DateTime startUtc, double minutesInside, Random random, CancellationToken cancellationToken)
    {
        var patrol = await history.StartPastAsync(officer, spot.Id, startUtc, cancellationToken);
        var pings = new List<PingInput>();
        var (lat, lon) = (spot.Centre.Latitude, spot.Centre.Longitude);
        var cosLat = Math.Cos(lat * Math.PI / 180);
        var time = startUtc;
        var sequence = 0L;
        void Add(double northMetres, double eastMetres, double speed) =>
            pings.Add(new PingInput(++sequence, time, lat + northMetres / MetresPerDegree, lon + eastMetres / (MetresPerDegree * cosLat), 8, speed));
        // Walk in from 240 m south at 1.3 m/s, pinging every 15 s.
        for (var m = -240.0; m < 0; m += 20)
        {
            Add(m, 0, 1.3);
            time = time.AddSeconds(15);
        }
        var stay = (int)(minutesInside * 4);
        for (var i = 0; i < stay; i++)
        {
            Add(random.NextDouble() * 16 - 8, random.NextDouble() * 16 - 8, 0.4);
            time = time.AddSeconds(15);
        }
        for (var m = 0.0; m <= 240; m += 20)
        {
            Add(0, m, 1.3);
            time = time.AddSeconds(15);
        }
        await patrols.RecordPingsAsync(patrol.Id, officer, pings, cancellationToken);
        if (random.NextDouble() < 0.4)
        {
            var kinds = force.Values.ActivityKinds;
            await patrols.LogActivityAsync(patrol.Id, officer,
                new ActivityInput(1, startUtc.AddMinutes(4 + minutesInside / 2), kinds[random.Next(Math.Max(1, kinds.Count - 1))], null), cancellationToken);
        }
        await patrols.EndAsync(patrol.Id, officer, time, cancellationToken);
        return time;
    }

    public async Task AddRosterAsync(IReadOnlyDictionary<string, long> teams, CancellationToken cancellationToken)
    {
        foreach (var (id, name, team) in Roster)
            await workforce.SaveOfficerAsync(new OfficerRecord(id, name, null, teams[team]), DemoSeeder.Actor, cancellationToken);
    }
}

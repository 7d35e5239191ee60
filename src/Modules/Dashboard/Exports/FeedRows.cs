using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Dashboard.Crimes;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Dashboard.Compliance;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Dashboard.Exports;

/// <summary>
/// The OData feed's rows. Crimes come from memory, lazily, so that paging never builds all of them: each is pseudonymised
/// (no reference, no people, no place name) and placed at the centre of its 100 m grid square.
/// </summary>
internal sealed class FeedRows(
    CrimeCache cache, SpotAreas areas, IHotspotSnapshot hotspots, IPatrolPresence patrols, IWorkforce workforce, ForceOptions force, IMetricProjection projection)
{
    private const double Square = 100;

    /// <summary>The feed starts at 2000: nothing HotSpots holds is older, and DateTime.MinValue cannot be shifted to police days.</summary>
    private static readonly DateTime Start = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public IEnumerable<HotspotRow> Hotspots() => hotspots.Current.Spots.Select(s => new HotspotRow
        {
            Id = s.Id, SetId = s.SetId, Rank = s.Rank, Name = s.Name, Latitude = s.Centre.Latitude, Longitude = s.Centre.Longitude,
            AreaSquareMetres = Math.Round(s.AreaSquareMetres), CrimeCount = s.CrimeCount, Harm = Math.Round(s.Harm, 1),
        }).ToList();

    public async Task<IEnumerable<VisitRow>> VisitsAsync(CancellationToken cancellationToken) =>
        (await patrols.ListVisitsAsync(Start, End, PresenceSource.Patrols, cancellationToken))
            .Select(v => new VisitRow
            {
                Id = v.Id, HotspotId = v.HotspotId, Source = v.Source.ToString(), Entered = Utc(v.EnteredUtc), Exited = Utc(v.ExitedUtc),
                Minutes = Math.Round(v.Minutes, 1), Mode = v.Mode.ToString(), Koper = v.Koper,
            }).ToList();

    public async Task<IEnumerable<DosageRow>> DosageAsync(CancellationToken cancellationToken)
    {
        var to = DateTime.UtcNow.AddDays(1);
        return (await patrols.GetDosageAsync(to.AddDays(-367), to, PresenceSource.Patrols, cancellationToken))
            .Select(d => new DosageRow
            {
                Id = d.HotspotId * 100_000 + (long)(d.PoliceDayStartUtc - Start).TotalDays, HotspotId = d.HotspotId, PoliceDayStart = Utc(d.PoliceDayStartUtc),
                OfficerMinutes = Math.Round(d.OfficerMinutes, 1), Visits = d.Visits, KoperVisits = d.KoperVisits,
                ObservedMinutes = Math.Round(d.ObservedMinutes, 2), UnobservedMinutes = Math.Round(d.UnobservedMinutes, 2),
                ObservedShare = d.ObservedShare is { } share ? Math.Round(share, 3) : null,
            }).ToList();
    }

    public async Task<IEnumerable<ActivityRow>> ActivitiesAsync(CancellationToken cancellationToken) =>
        (await patrols.ListActivitiesAsync(Start, End, cancellationToken))
            .Select((a, i) => new ActivityRow { Id = i + 1, HotspotId = a.HotspotId, Time = Utc(a.TimeUtc), Kind = a.Kind }).ToList();

    /// <summary>Activities by kind per spot, team and police day (the same count as compliance's tables).</summary>
    public async Task<IEnumerable<ActivityCountRow>> ActivityCountsAsync(CancellationToken cancellationToken)
    {
        var officers = (await workforce.ListOfficersAsync(cancellationToken)).ToDictionary(o => o.OfficerId);
        var counts = ActivityCounts.BySpotTeamAndDay((await patrols.ListActivitiesAsync(Start, End, cancellationToken))
            .Select(a => new ActivityCounts.Entry(a.HotspotId, officers.GetValueOrDefault(a.OfficerId)?.TeamName ?? ComplianceQuery.NoTeam,
                force.PoliceDay(a.TimeUtc), a.Kind)));
        return counts.Select((c, i) => new ActivityCountRow
        {
            Id = i + 1, HotspotId = c.HotspotId, Team = c.Team, PoliceDayStart = Utc(force.PoliceDayStartUtc(c.PoliceDay)), Kind = c.Kind, Count = c.Activities,
        }).ToList();
    }

    public async Task<IEnumerable<CrimeRow>> CrimesAsync(CancellationToken cancellationToken)
    {
        var crimes = await cache.GetAsync(cancellationToken);
        var membership = await areas.GetAsync(crimes, hotspots.Current.Spots.Select(s => s.Id).ToList(), 0, cancellationToken);
        var table = crimes.Table;
        return Enumerable.Range(0, crimes.Count).Select(i =>
        {
            var centre = projection.Unproject(Math.Floor(table.X[i] / Square) * Square + Square / 2, Math.Floor(table.Y[i] / Square) * Square + Square / 2);
            var occurred = new DateTime(table.OccurredUtcTicks[i], DateTimeKind.Utc);
            return new CrimeRow
            {
                Id = i + 1, Category = table.Categories[table.Category[i]], Occurred = Utc(occurred), HasTimeOfDay = table.HasTimeOfDay[i],
                Year = DateOnly.FromDayNumber(crimes.Day[i]).Year, Month = DateOnly.FromDayNumber(crimes.Day[i]).Month,
                Harm = table.CategoryHarm[table.Category[i]], Area = table.Area[i] >= 0 ? table.Areas[table.Area[i]] : null,
                Latitude = Math.Round(centre.Latitude, 5), Longitude = Math.Round(centre.Longitude, 5),
                HotspotId = membership.Spot[i] >= 0 ? membership.SpotIds[membership.Spot[i]] : null,
            };
        });
    }

    private static DateTime End => DateTime.UtcNow.AddDays(2);

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}

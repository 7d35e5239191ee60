using System.Globalization;
using HotSpots.Modules.Dashboard.Charts;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Dashboard.Trials;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;

namespace HotSpots.Modules.Dashboard.Crimes;

/// <summary>The crimes page: one pass over the crimes in memory gathers every total the page shows.</summary>
internal sealed class CrimeExplorerQuery(CrimeCache cache, SpotAreas areas, IHotspotSnapshot hotspots)
{
    private const int KeptAnswers = 64;

    /// <summary>The same filter on the same crimes and spots gives the same page: drawn once, then kept until the crimes change.</summary>
    public async Task<CrimeExplorer> GetAsync(CrimeFilter filter, Blinding blinding, CancellationToken cancellationToken)
    {
        var crimes = await cache.GetAsync(cancellationToken);
        var key = $"explorer|{hotspots.Current.Set?.Id}|{blinding.Key}|{filter}";
        if (crimes.Answers.TryGetValue(key, out var known)) return (CrimeExplorer)known;
        var answer = await ComputeAsync(crimes, filter, blinding, cancellationToken);
        if (crimes.Answers.Count >= KeptAnswers) crimes.Answers.Clear();
        crimes.Answers[key] = answer;
        return answer;
    }

    private async Task<CrimeExplorer> ComputeAsync(CrimeColumns crimes, CrimeFilter filter, Blinding blinding, CancellationToken cancellationToken)
    {
        var table = crimes.Table;
        // Only the spots the viewer may see named: in the list, on the map, and as a filter (another is as unknown).
        var spots = hotspots.Current.Spots.Where(s => blinding.Names(s.Id)).ToList();
        var membership = await areas.GetAsync(crimes, spots.Select(s => s.Id).ToList(), 0, cancellationToken);

        var to = filter.To ?? crimes.LastDay;
        var from = filter.From ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        if (from > to) (from, to) = (to, from);
        var (fromDay, toDay) = (from.DayNumber, to.DayNumber);
        var area = filter.Area is { Length: > 0 } a ? IndexOf(table.Areas, a) : -2;
        var category = filter.Category is { Length: > 0 } c ? IndexOf(table.Categories, c) : -2;
        var spot = filter.HotspotId is { } id ? IndexOf(membership.SpotIds, id) : -2;
        // A filter naming something that is not held matches nothing.
        var nothing = area == -1 || category == -1 || spot == -1;

        var byCategory = new long[table.Categories.Count];
        var firstMonth = (from.Year - crimes.FirstMonth.Year) * 12 + from.Month - crimes.FirstMonth.Month;
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
        var byMonth = new long[months];
        var weekZero = from.DayNumber - ((int)from.DayOfWeek + 6) % 7;
        var byWeek = new long[(toDay - weekZero) / 7 + 1];
        var weekHour = new long[168];
        var points = new List<(double, double)>();
        var inSpot = new long[membership.SpotIds.Count];
        long count = 0, timed = 0;
        for (var i = 0; i < crimes.Count && !nothing; i++)
        {
            var day = crimes.Day[i];
            if (day < fromDay || day > toDay) continue;
            if (area >= 0 && table.Area[i] != area) continue;
            if (category >= 0 && table.Category[i] != category) continue;
            if (spot >= 0 && membership.Spot[i] != spot) continue;
            count++;
            byCategory[table.Category[i]]++;
            byMonth[crimes.Month[i] - firstMonth]++;
            byWeek[(day - weekZero) / 7]++;
            if (crimes.WeekHour[i] >= 0)
            {
                weekHour[crimes.WeekHour[i]]++;
                timed++;
            }
            points.Add((table.X[i], table.Y[i]));
            if (membership.Spot[i] >= 0) inSpot[membership.Spot[i]]++;
        }

        var byType = byCategory.Select((n, k) => new TypeTotal(table.Categories[k], n, n * table.CategoryHarm[k], CrimeCategories.SeriousViolence.Contains(table.Categories[k])))
            .Where(t => t.Count > 0).OrderByDescending(t => t.Harm).ToList();
        var i2 = CultureInfo.InvariantCulture;
        var monthChart = Bars.Render("Crimes per month", "crimes",
            byMonth.Select((n, k) => (from.AddDays(1 - from.Day).AddMonths(k).ToString("MMM yyyy", i2), (double)n)).ToList());
        var weekChart = Bars.Render("Crimes per week (weeks from Monday)", "crimes",
            byWeek.Select((n, k) => (DateOnly.FromDayNumber(weekZero + 7 * k).ToString("d MMM yy", i2), (double)n)).ToList());
        var shown = spot >= 0 ? spots.Where(s => s.Id == filter.HotspotId) : spots;
        var map = CrimeMapChart.Render(points, shown.Select(s => IndexOf(membership.SpotIds, s.Id))
            .Select(k => new MapSpot(spots[k].Rank, spots[k].Name, membership.Polygons[k], inSpot[k])).ToList());
        return new CrimeExplorer(filter, from, to, count, byType.Sum(t => t.Harm), timed,
            table.Areas.Order(StringComparer.OrdinalIgnoreCase).ToList(), table.Categories.Order(StringComparer.OrdinalIgnoreCase).ToList(), spots,
            byType, monthChart.ToChart(), weekChart.ToChart(), timed == 0 ? null : WeekHourHeatMap.Render(weekHour).ToChart(), map.ToChart());
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, T value)
    {
        for (var i = 0; i < list.Count; i++)
            if (EqualityComparer<T>.Default.Equals(list[i], value)) return i;
        return -1;
    }
}

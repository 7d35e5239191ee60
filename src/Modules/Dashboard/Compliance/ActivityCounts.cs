using HotSpots.Modules.Dashboard.Contracts;

namespace HotSpots.Modules.Dashboard.Compliance;

/// <summary>
/// Activities logged on patrol, counted by kind per spot, team and police day (pure: no I/O, no clock). Undone entries never
/// reach here (the Patrols module leaves them out). The kinds are the force's, in its order, then any kind that was removed
/// from the set-up but still has entries, by name: a removed kind keeps its count.
/// </summary>
internal static class ActivityCounts
{
    /// <summary>One activity: where, by which team (the officer's team now; "No team" without one), on which police day, of what kind.</summary>
    internal readonly record struct Entry(long HotspotId, string Team, DateOnly PoliceDay, string Kind);

    /// <summary>How many activities of a kind a team logged in a spot on a police day.</summary>
    internal readonly record struct Count(long HotspotId, string Team, DateOnly PoliceDay, string Kind, int Activities);

    public static IReadOnlyList<Count> BySpotTeamAndDay(IEnumerable<Entry> entries) =>
        entries.GroupBy(e => e)
            .Select(g => new Count(g.Key.HotspotId, g.Key.Team, g.Key.PoliceDay, g.Key.Kind, g.Count()))
            .OrderBy(c => c.PoliceDay).ThenBy(c => c.HotspotId).ThenBy(c => c.Team, StringComparer.Ordinal).ThenBy(c => c.Kind, StringComparer.Ordinal)
            .ToList();

    /// <summary>A table of kind (columns) by <paramref name="rowOf"/> (rows: a team, a spot), most activities first.</summary>
    public static ActivityTable Table(IEnumerable<Count> counts, IReadOnlyList<string> forceKinds, Func<Count, string> rowOf)
    {
        var list = counts.ToList();
        var kinds = forceKinds.Concat(list.Select(c => c.Kind).Where(k => !forceKinds.Contains(k)).Distinct().Order(StringComparer.Ordinal)).ToList();
        var column = kinds.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        var rows = list.GroupBy(rowOf).Select(g =>
        {
            var cells = new int[kinds.Count];
            foreach (var c in g) cells[column[c.Kind]] += c.Activities;
            return new ActivityTableRow(g.Key, cells);
        }).OrderByDescending(r => r.Total).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new ActivityTable(kinds, rows);
    }
}

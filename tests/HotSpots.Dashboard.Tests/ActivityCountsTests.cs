using HotSpots.Modules.Dashboard.Compliance;

namespace HotSpots.Dashboard.Tests;

/// <summary>Activities counted by kind per spot, team and police day, and the tables compliance shows, on a known set.</summary>
public sealed class ActivityCountsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 16), Tuesday = new(2026, 11, 17);
    private static readonly string[] Kinds = ["Stop and account", "Stop and search", "Arrest"];

    private static readonly ActivityCounts.Entry[] Known =
    [
        new(1, "Team A", Monday, "Arrest"),
        new(1, "Team A", Monday, "Arrest"),
        new(1, "Team A", Monday, "Stop and search"),
        new(1, "Team B", Monday, "Arrest"),
        new(2, "Team A", Monday, "Stop and account"),
        new(2, "Team A", Tuesday, "Stop and account"),
        new(2, "No team", Tuesday, "Licensed premises check"), // a kind the force has since removed
    ];

    [Fact]
    public void Each_spot_team_day_and_kind_is_counted_once_with_its_number()
    {
        var counts = ActivityCounts.BySpotTeamAndDay(Known);
        counts.ShouldBe(
        [
            new(1, "Team A", Monday, "Arrest", 2),
            new(1, "Team A", Monday, "Stop and search", 1),
            new(1, "Team B", Monday, "Arrest", 1),
            new(2, "Team A", Monday, "Stop and account", 1),
            new(2, "No team", Tuesday, "Licensed premises check", 1),
            new(2, "Team A", Tuesday, "Stop and account", 1),
        ]);
        counts.Sum(c => c.Activities).ShouldBe(Known.Length);
    }

    [Fact]
    public void The_tables_by_team_and_by_spot_have_the_force_s_kinds_then_removed_ones_and_add_up()
    {
        var counts = ActivityCounts.BySpotTeamAndDay(Known);
        var byTeam = ActivityCounts.Table(counts, Kinds, c => c.Team);
        byTeam.Kinds.ShouldBe(["Stop and account", "Stop and search", "Arrest", "Licensed premises check"]);
        byTeam.Rows.Select(r => (r.Name, string.Join(",", r.Counts))).ShouldBe(
            [("Team A", "2,1,2,0"), ("No team", "0,0,0,1"), ("Team B", "0,0,1,0")]);
        byTeam.KindTotals.ShouldBe([2, 1, 3, 1]);
        byTeam.Total.ShouldBe(7);

        var bySpot = ActivityCounts.Table(counts, Kinds, c => $"Spot {c.HotspotId}");
        bySpot.Rows.Select(r => (r.Name, string.Join(",", r.Counts))).ShouldBe([("Spot 1", "0,1,3,0"), ("Spot 2", "2,0,0,1")]);
        bySpot.KindTotals.ShouldBe(byTeam.KindTotals);
    }

    [Fact]
    public void No_activities_give_a_table_with_the_force_s_kinds_and_no_rows()
    {
        var table = ActivityCounts.Table([], Kinds, c => c.Team);
        table.Kinds.ShouldBe(Kinds);
        table.Rows.ShouldBeEmpty();
        table.Total.ShouldBe(0);
    }
}

using HotSpots.Modules.Dashboard.MyWeek;
using HotSpots.Modules.Patrols.Contracts;

namespace HotSpots.Dashboard.Tests;

/// <summary>"My week", pure: which police days make a week, the figures, and the place in the team.</summary>
public sealed class WeekTallyTests
{
    [Theory]
    [InlineData("2026-11-16", "2026-11-16")] // a Monday starts its own week
    [InlineData("2026-11-18", "2026-11-16")]
    [InlineData("2026-11-22", "2026-11-16")] // a Sunday ends it
    [InlineData("2026-11-23", "2026-11-23")]
    public void A_police_week_runs_from_monday_to_sunday(string day, string monday)
    {
        var (first, last) = WeekTally.PoliceWeek(DateOnly.Parse(day));
        first.ShouldBe(DateOnly.Parse(monday));
        last.ShouldBe(first.AddDays(6));
        last.DayOfWeek.ShouldBe(DayOfWeek.Sunday);
    }

    [Fact]
    public void The_figures_are_the_officers_own_and_spots_are_counted_once()
    {
        var own = new OfficerMinutes("me", 22, 2, 1, 3, 1, 40, 5);
        VisitView Visit(long spot) => new(1, PresenceSource.Patrols, 1, "me", spot, DateTime.UtcNow, DateTime.UtcNow, 5, Movement.Foot, false, false);
        var week = WeekTally.Figures(new DateOnly(2026, 11, 16), own, [Visit(7), Visit(7), Visit(9)]);
        (week.MinutesInSpots, week.Visits, week.KoperVisits, week.Spots, week.Patrols, week.UnobservedMinutes).ShouldBe((22.0, 3, 1, 2, 2, 5.0));
        (week.FirstDay, week.LastDay).ShouldBe((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)));
        var none = WeekTally.Figures(new DateOnly(2026, 11, 16), null, []);
        (none.MinutesInSpots, none.Visits, none.Spots).ShouldBe((0.0, 0, 0));
    }

    [Fact]
    public void The_place_counts_teammates_ahead_of_every_member_ties_share_the_better_place_and_no_team_or_no_minutes_has_none()
    {
        string[] team = ["me", "a", "b", "c", "d"];
        var minutes = new Dictionary<string, double> { ["me"] = 20, ["a"] = 35, ["b"] = 20, ["c"] = 5, ["outsider"] = 500 };
        WeekTally.Place("me", "Town Centre", team, minutes).ShouldBe(new HotSpots.Modules.Dashboard.Contracts.TeamPlace(2, 5, "Town Centre"));
        WeekTally.Place("c", "Town Centre", team, minutes)!.Place.ShouldBe(4, "d, with no patrol, counts as no minutes, behind c");
        WeekTally.Place("d", "Town Centre", team, minutes).ShouldBeNull("no minutes yet: no place");
        WeekTally.Place("me", null, team, minutes).ShouldBeNull();
        WeekTally.Place("outsider", "Town Centre", team, minutes).ShouldBeNull();
    }
}

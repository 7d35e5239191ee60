using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Reports;
using HotSpots.Platform;

namespace HotSpots.Patrols.Tests;

public sealed class DosageCalculatorTests
{
    private static readonly ForceOptions Force = new() { TimeZone = "Europe/London", PoliceDayStartHour = 6 };

    // 20 November 2026 is in GMT: the police day runs 06:00 to 06:00 UTC.
    private static readonly DateTime Day = new(2026, 11, 20, 6, 0, 0, DateTimeKind.Utc);

    private static VisitView Visit(long spot, string who, double fromMinutes, double toMinutes) =>
        new(0, PresenceSource.Patrols, 1, who, spot, Day.AddMinutes(fromMinutes), Day.AddMinutes(toMinutes), toMinutes - fromMinutes,
            Movement.Foot, toMinutes - fromMinutes is >= 10 and <= 16, false);

    [Fact]
    public void Two_officers_together_give_twice_the_officer_minutes_but_the_patrol_minutes_once()
    {
        var visits = new[]
        {
            Visit(7, "a", 60, 75),   // 07:00–07:15, Koper
            Visit(7, "b", 65, 80),   // 07:05–07:20, Koper, overlapping
            Visit(7, "a", 300, 304), // 11:00–11:04
        };
        var row = DosageCalculator.PerSpotAndDay(visits, Day, Day.AddDays(1), Day.AddDays(2), Force, PresenceSource.Patrols).ShouldHaveSingleItem();
        row.HotspotId.ShouldBe(7);
        row.PoliceDayStartUtc.ShouldBe(Day);
        row.OfficerMinutes.ShouldBe(34, 1e-9);
        row.PatrolMinutes.ShouldBe(24, 1e-9);
        row.Visits.ShouldBe(3);
        row.KoperVisits.ShouldBe(2);
        row.Officers.ShouldBe(2);
        row.LastPresentUtc.ShouldBe(Day.AddMinutes(304));
        // Gaps: 06:00–07:00 (60), 07:20–11:00 (220), 11:04–06:00 (1136).
        row.LongestGapMinutes.ShouldBe(1136, 1e-9);
    }

    [Fact]
    public void Today_s_longest_gap_runs_only_to_now()
    {
        var visits = new[] { Visit(7, "a", 60, 75) };
        var row = DosageCalculator.PerSpotAndDay(visits, Day, Day.AddDays(1), Day.AddMinutes(120), Force, PresenceSource.Patrols).Single();
        row.LongestGapMinutes.ShouldBe(60, 1e-9); // 06:00–07:00, then 07:15 to now (08:00) is 45
    }

    [Fact]
    public void A_visit_across_the_start_of_a_police_day_is_split_between_the_days_and_counted_where_it_began()
    {
        var visits = new[] { Visit(3, "a", -10, 5) }; // 05:50–06:05
        var rows = DosageCalculator.PerSpotAndDay(visits, Day.AddDays(-1), Day.AddDays(1), Day.AddDays(2), Force, PresenceSource.Patrols);
        rows.Count.ShouldBe(2);
        rows[0].PoliceDayStartUtc.ShouldBe(Day.AddDays(-1));
        rows[0].OfficerMinutes.ShouldBe(10, 1e-9);
        rows[0].Visits.ShouldBe(1);
        rows[1].PoliceDayStartUtc.ShouldBe(Day);
        rows[1].OfficerMinutes.ShouldBe(5, 1e-9);
        rows[1].Visits.ShouldBe(0);
    }

    [Fact]
    public void Police_days_follow_local_time_across_the_clock_change()
    {
        // Clocks go back at 02:00 BST on 25 October 2026: the police day from 06:00 BST on the 24th is 25 hours long.
        var days = DosageCalculator.PoliceDays(new DateTime(2026, 10, 24, 12, 0, 0, DateTimeKind.Utc), new DateTime(2026, 10, 25, 12, 0, 0, DateTimeKind.Utc), Force);
        days.Count.ShouldBe(2);
        days[0].Start.ShouldBe(new DateTime(2026, 10, 24, 5, 0, 0, DateTimeKind.Utc));
        days[0].End.ShouldBe(new DateTime(2026, 10, 25, 6, 0, 0, DateTimeKind.Utc));
        days[1].End.ShouldBe(new DateTime(2026, 10, 26, 6, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Observed_and_unobserved_minutes_count_in_the_police_day_and_spot_a_patrol_started_with_a_row_even_without_a_visit()
    {
        var visits = new[] { Visit(7, "a", 60, 75) };
        var patrols = new[]
        {
            new PatrolMeasure(7, Day.AddMinutes(55), ObservedSeconds: 900, UnobservedSeconds: 300),
            new PatrolMeasure(7, Day.AddMinutes(23 * 60 + 50), ObservedSeconds: 600, UnobservedSeconds: 600), // runs past the end of the day
            new PatrolMeasure(8, Day.AddMinutes(120), ObservedSeconds: 0, UnobservedSeconds: 1200),          // never seen inside
            new PatrolMeasure(7, Day.AddDays(1).AddMinutes(10), ObservedSeconds: 60, UnobservedSeconds: 0),   // the next police day
        };
        var rows = DosageCalculator.PerSpotAndDay(visits, Day, Day.AddDays(1), Day.AddDays(2), Force, PresenceSource.Patrols, patrols);
        rows.Count.ShouldBe(2);
        var seven = rows.Single(r => r.HotspotId == 7);
        seven.ObservedMinutes.ShouldBe(25, 1e-9);
        seven.UnobservedMinutes.ShouldBe(15, 1e-9);
        seven.ObservedShare!.Value.ShouldBe(25.0 / 40, 1e-9);
        seven.OfficerMinutes.ShouldBe(15, 1e-9);
        var eight = rows.Single(r => r.HotspotId == 8);
        eight.Visits.ShouldBe(0);
        eight.OfficerMinutes.ShouldBe(0);
        eight.UnobservedMinutes.ShouldBe(20, 1e-9);
        eight.ObservedShare.ShouldBe(0);
        eight.LastPresentUtc.ShouldBeNull();
    }

    [Fact]
    public void Without_patrols_the_rows_say_nothing_was_measured_either_way()
    {
        var row = DosageCalculator.PerSpotAndDay([Visit(7, "unit-1", 60, 75)], Day, Day.AddDays(1), Day.AddDays(2), Force, PresenceSource.LocationFeed)
            .ShouldHaveSingleItem();
        (row.ObservedMinutes, row.UnobservedMinutes).ShouldBe((0, 0));
        row.ObservedShare.ShouldBeNull();
    }
}

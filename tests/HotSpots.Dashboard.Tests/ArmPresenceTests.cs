using HotSpots.Modules.Dashboard.Compliance;
using HotSpots.Modules.Dashboard.Contracts;

namespace HotSpots.Dashboard.Tests;

/// <summary>Presence by arm on a synthetic location feed and patrols with known presence in both arms.</summary>
public sealed class ArmPresenceTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 2), Day2 = new(2026, 11, 3);
    private static DateTime At(DateOnly day, int hour, int minute) => day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);
    private static ArmPresence.Stay Stay(long spot, DateOnly day, int h1, int m1, int h2, int m2) => new(spot, day, At(day, h1, m1), At(day, h2, m2));

    [Fact]
    public void Feed_minutes_tasked_minutes_and_their_overlap_add_up_by_arm()
    {
        // Spot 1 is treated on day 1 and a control on day 2; spot 2 the other way round; spot 3 is a control both days.
        (long, DateOnly, string)[] placeDays =
        [
            (1, Day1, "Treatment"), (1, Day2, "Control"), (2, Day1, "Control"), (2, Day2, "Treatment"), (3, Day1, "Control"), (3, Day2, "Control"),
        ];
        ArmPresence.Stay[] feed =
        [
            Stay(1, Day1, 10, 0, 10, 30),   // treatment: 30 feed minutes
            Stay(1, Day1, 10, 20, 10, 40),  // a second unit overlapping: 20 more officer-minutes
            Stay(2, Day1, 22, 0, 22, 15),   // control: 15
            Stay(3, Day2, 8, 0, 8, 10),     // control: 10
            Stay(9, Day1, 8, 0, 9, 0),      // a spot in no arm: not counted
        ];
        ArmPresence.Stay[] patrols =
        [
            Stay(1, Day1, 10, 25, 10, 45),  // treatment: 20 tasked minutes, 15 of them while a feed unit was there (10:25–10:40)
            Stay(2, Day2, 14, 0, 14, 15),   // treatment: 15 tasked minutes, no feed unit then
            Stay(3, Day1, 23, 0, 23, 5),    // a control place-day visited anyway: 5 tasked minutes (contamination)
        ];

        var arms = ArmPresence.Compute(placeDays, feed, patrols);

        arms.Select(a => a.Arm).ShouldBe(["Treatment", "Control"]);
        var treatment = arms[0];
        (treatment.PlaceDays, treatment.FeedMinutes, treatment.PatrolMinutes, treatment.OverlapMinutes).ShouldBe((2, 50.0, 35.0, 15.0));
        var control = arms[1];
        (control.PlaceDays, control.FeedMinutes, control.PatrolMinutes, control.OverlapMinutes).ShouldBe((4, 25.0, 5.0, 0.0));
    }

    [Fact]
    public void Overlap_is_the_time_both_were_there_however_many_units_each_had()
    {
        ArmPresence.Stay[] a = [Stay(1, Day1, 10, 0, 10, 30), Stay(1, Day1, 10, 10, 10, 50), Stay(1, Day1, 11, 0, 11, 10)];
        ArmPresence.Stay[] b = [Stay(1, Day1, 10, 40, 11, 5), Stay(1, Day1, 10, 45, 10, 55)];
        // a is present 10:00–10:50 and 11:00–11:10; b 10:40–11:05: together 10:40–10:50 and 11:00–11:05.
        ArmPresence.Together(a, b).ShouldBe(15, 1e-9);
        ArmPresence.Together(a, []).ShouldBe(0);
    }

    [Fact]
    public void Each_place_day_has_its_own_feed_minutes_tasked_minutes_and_overlap_and_they_add_up_to_the_arms()
    {
        (long, DateOnly, string)[] placeDays = [(1, Day1, "Treatment"), (1, Day2, "Control"), (2, Day1, "Control"), (2, Day2, "Treatment")];
        ArmPresence.Stay[] feed =
        [
            Stay(1, Day1, 10, 0, 10, 30), Stay(1, Day1, 10, 20, 10, 40), // spot 1 day 1: 50 officer-minutes, present 10:00–10:40
            Stay(2, Day1, 22, 0, 22, 15),                                 // spot 2 day 1 (control): 15
            Stay(1, Day2, 9, 0, 9, 12),                                   // spot 1 day 2 (control): 12
        ];
        ArmPresence.Stay[] patrols =
        [
            Stay(1, Day1, 10, 25, 10, 45),  // 20 tasked, 15 with the feed
            Stay(2, Day2, 14, 0, 14, 15),   // 15 tasked, no feed
            Stay(1, Day2, 9, 6, 9, 8),      // 2 tasked in a control place-day, both with the feed
        ];

        var days = ArmPresence.PerSpotDay(placeDays, feed, patrols);

        days.Select(d => (d.Spot, d.Day, d.Arm, d.FeedMinutes, d.PatrolMinutes, d.OverlapMinutes)).ShouldBe(
        [
            (1L, Day1, "Treatment", 50.0, 20.0, 15.0),
            (1L, Day2, "Control", 12.0, 2.0, 2.0),
            (2L, Day1, "Control", 15.0, 0.0, 0.0),
            (2L, Day2, "Treatment", 0.0, 15.0, 0.0),
        ]);
        var arms = ArmPresence.ByArm(days);
        arms.ShouldBe(ArmPresence.Compute(placeDays, feed, patrols));
        arms[0].ShouldBe(new PresenceByArm("Treatment", 2, 50, 35, 15));
        arms[1].ShouldBe(new PresenceByArm("Control", 2, 27, 2, 2));
    }
}

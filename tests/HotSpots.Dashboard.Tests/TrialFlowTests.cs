using HotSpots.Modules.Dashboard.Compliance;
using HotSpots.Modules.Dashboard.Trials;

namespace HotSpots.Dashboard.Tests;

/// <summary>The CONSORT-style flow of a trial's place-days (issue 21, item 4), counted by hand.</summary>
public sealed class TrialFlowTests
{
    private static readonly DateOnly Day1 = new(2026, 3, 2), Day2 = new(2026, 3, 3), Day3 = new(2026, 3, 4);

    private static ArmPresence.Stay Stay(long spot, DateOnly day, int fromHour, int minutes)
    {
        var from = day.ToDateTime(new TimeOnly(fromHour, 0), DateTimeKind.Utc);
        return new ArmPresence.Stay(spot, day, from, from.AddMinutes(minutes));
    }

    [Fact]
    public void Place_days_are_counted_by_arm_dose_contamination_baseline_and_missing_data()
    {
        // Spots 1 and 2 treated, 3 and 4 control, on three days.
        var placeDays = new List<(long, DateOnly, bool)>();
        foreach (var day in new[] { Day1, Day2, Day3 })
            placeDays.AddRange([(1, day, true), (2, day, true), (3, day, false), (4, day, false)]);
        var tasked = new Dictionary<(long, DateOnly), (double, int)>
        {
            [(1, Day1)] = (45, 3), // the full dose (target 45)
            [(1, Day2)] = (60, 4), // more than the full dose
            [(2, Day1)] = (20, 1), // part
            [(2, Day3)] = (0.5, 1), // part: any minute counts
            [(3, Day2)] = (10, 1), // a control place-day visited by a tasked patrol
        };
        var feed = new List<ArmPresence.Stay> { Stay(1, Day1, 10, 30), Stay(3, Day1, 11, 12), Stay(4, Day2, 9, 8) }; // nothing on Day3
        var flow = TrialFlowCount.Compute(Day3, placeDays, tasked, 45, feed, [], latestCrimeDay: Day2);

        (flow.AllocatedTreatment, flow.AllocatedControl, flow.Allocated).ShouldBe((6, 6, 12));
        (flow.TreatedFullDose, flow.TreatedPartDose, flow.TreatedNoDose).ShouldBe((2, 2, 2));
        (flow.ControlVisitedByTaskedPatrols, flow.ControlTaskedMinutes).ShouldBe((1, 10.0));
        flow.Presence.Single(a => a.Arm == "Treatment").FeedMinutes.ShouldBe(30);
        flow.Presence.Single(a => a.Arm == "Control").FeedMinutes.ShouldBe(20);
        // Day3 has no crime held yet and no feed record: its 4 place-days are lost, counted once.
        (flow.PlaceDaysWithoutOutcome, flow.DaysWithoutFeed, flow.PlaceDaysLost).ShouldBe((4, 1, 4));

        var noCrimes = TrialFlowCount.Compute(Day3, placeDays, tasked, 45, feed, [], latestCrimeDay: null);
        (noCrimes.PlaceDaysWithoutOutcome, noCrimes.PlaceDaysLost).ShouldBe((12, 12));
    }

    [Fact]
    public void A_trial_that_has_not_begun_has_an_empty_flow()
    {
        var flow = TrialFlowCount.Compute(null, [], new Dictionary<(long, DateOnly), (double, int)>(), 45, [], [], null);
        flow.Through.ShouldBeNull();
        (flow.Allocated, flow.PlaceDaysLost, flow.Presence.Count).ShouldBe((0, 0, 0));
    }
}

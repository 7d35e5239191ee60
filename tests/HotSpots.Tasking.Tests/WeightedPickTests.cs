using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Tasking.Direct;
using HotSpots.Modules.Tasking.Need;
using HotSpots.Platform.Geography;

namespace HotSpots.Tasking.Tests;

public sealed class WeightedPickTests
{
    [Fact]
    public void Picks_follow_their_weights()
    {
        var random = new TaskingRandom(new Random(7));
        double[] weights = [0.5, 1.0, 1.5, 3.0];
        var counts = new int[weights.Length];
        const int draws = 60_000;
        for (var i = 0; i < draws; i++) counts[random.PickIndex(weights)]++;

        var expected = weights.Select(w => draws * w / weights.Sum()).ToArray();
        var chiSquare = counts.Select((c, i) => (c - expected[i]) * (c - expected[i]) / expected[i]).Sum();
        chiSquare.ShouldBeLessThan(16.27); // 3 degrees of freedom, p = 0.001
        counts[3].ShouldBeGreaterThan(counts[0] * 5); // weight 3.0 against 0.5: about six times as often
    }

    private static PublishedHotspot Spot(IReadOnlyList<int> peakHours, IReadOnlyList<DayOfWeek> peakDays) => new(
        1, 1, 1, "Friar Street", new GeoPoint(51.45, -0.97), [], 22500, 100, 10,
        new HotspotWhy(DateTime.UnixEpoch, DateTime.UnixEpoch, [], [], peakHours, peakDays), "");

    private static readonly DateTime Now = new(2026, 11, 28, 22, 30, 0, DateTimeKind.Utc); // a Saturday

    [Fact]
    public void A_spot_owed_its_whole_dose_at_its_peak_hour_and_never_visited_weighs_most()
    {
        var targets = new DoseTargets(15, 3, 90);
        var spot = Spot([22], [DayOfWeek.Saturday]);
        var need = NeedCalculator.For(spot, null, targets, Now, Now);
        need.PeakNow.ShouldBeTrue();
        need.OwedMinutes.ShouldBe(45);
        need.Weight.ShouldBe((0.2 + 1) * 2 * 2, 1e-9);

        var done = NeedCalculator.For(spot, new SpotDose(1, 45, 3, Now.AddMinutes(-30)), targets, Now, Now);
        done.OwedMinutes.ShouldBe(0);
        done.Capped.ShouldBeFalse();
        done.Weight.ShouldBe(0.2 * 2 * (1 + 0.5 / 4), 1e-9);

        NeedCalculator.For(Spot([22], [DayOfWeek.Friday]), null, targets, Now, Now).PeakNow.ShouldBeFalse();
    }

    [Fact]
    public void A_spot_at_its_daily_cap_is_capped()
    {
        var need = NeedCalculator.For(Spot([], []), new SpotDose(1, 90, 6, Now), new DoseTargets(15, 3, 90), Now, Now);
        need.Capped.ShouldBeTrue();
    }
}

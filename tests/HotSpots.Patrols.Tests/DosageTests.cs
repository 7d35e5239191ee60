using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Sessions;

namespace HotSpots.Patrols.Tests;

public sealed class DosageTests
{
    private static readonly DateTime Start = new(2026, 11, 20, 22, 0, 0, DateTimeKind.Utc);

    private static Ping At(double seconds, bool inside) => new() { TimeUtc = Start.AddSeconds(seconds), Inside = inside };

    [Fact]
    public void Intervals_between_inside_pings_count_fully_and_crossings_count_half()
    {
        var pings = new[] { At(0, false), At(60, true), At(120, true), At(180, true), At(240, false) };
        // 0-60 half (30 s), 60-180 full (120 s), 180-240 half (30 s): 180 s.
        Dosage.MinutesInside(pings, maxGapSeconds: 120).ShouldBe(3, 1e-9);
    }

    [Fact]
    public void A_long_gap_without_signal_counts_only_up_to_the_cap()
    {
        var pings = new[] { At(0, true), At(30, true), At(1830, true) };
        Dosage.MinutesInside(pings, maxGapSeconds: 120).ShouldBe(2.5, 1e-9);
    }

    [Fact]
    public void No_pings_or_one_ping_is_no_time()
    {
        Dosage.MinutesInside([], 120).ShouldBe(0);
        Dosage.MinutesInside([At(0, true)], 120).ShouldBe(0);
    }
}

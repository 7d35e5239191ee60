using HotSpots.Modules.Patrols.Tracks;

namespace HotSpots.Patrols.Tests;

/// <summary>The pure rules of what part of a patrol was measured (page reports and server-side silence).</summary>
public sealed class ObservationTests
{
    private static readonly DateTime Start = new(2026, 6, 1, 20, 0, 0, DateTimeKind.Utc);

    private static IEnumerable<DateTime> Every(int seconds, int fromSecond, int toSecond) =>
        Enumerable.Range(0, (toSecond - fromSecond) / seconds + 1).Select(i => Start.AddSeconds(fromSecond + i * seconds));

    [Fact]
    public void A_patrol_with_a_fix_every_ten_seconds_and_no_report_is_all_observed()
    {
        var result = Observation.Measure(Start, Start.AddMinutes(10), Every(10, 0, 600), [], 120);
        result.ObservedSeconds.ShouldBe(600);
        result.UnobservedSeconds.ShouldBe(0);
        result.Unobserved.ShouldBeEmpty();
    }

    [Fact]
    public void A_reported_hidden_stretch_is_unobserved_even_when_the_pings_around_it_are_closer_than_the_gap_threshold()
    {
        var fixes = Every(10, 0, 120).Concat(Every(10, 190, 600));
        var hidden = new TimeStretch(Start.AddSeconds(125), Start.AddSeconds(185));
        var result = Observation.Measure(Start, Start.AddMinutes(10), fixes, [hidden], 120);
        result.UnobservedSeconds.ShouldBe(60);
        result.ObservedSeconds.ShouldBe(540);
    }

    [Fact]
    public void Silence_longer_than_the_threshold_is_unobserved_whole_and_overlapping_reports_are_counted_once()
    {
        // The page was killed: no pings from 100 s to 400 s; it had reported hidden from 90 s to 200 s before it died.
        var fixes = Every(10, 0, 100).Concat(Every(10, 400, 600));
        var result = Observation.Measure(Start, Start.AddMinutes(10), fixes, [new TimeStretch(Start.AddSeconds(90), Start.AddSeconds(200))], 120);
        result.Unobserved.ShouldBe([new TimeStretch(Start.AddSeconds(90), Start.AddSeconds(400))]);
        result.UnobservedSeconds.ShouldBe(310);
        result.ObservedSeconds.ShouldBe(290);
    }

    [Fact]
    public void A_silence_at_or_under_the_threshold_is_observed()
    {
        var fixes = new[] { Start, Start.AddSeconds(120), Start.AddSeconds(240) };
        Observation.Measure(Start, Start.AddSeconds(240), fixes, [], 120).UnobservedSeconds.ShouldBe(0);
        Observation.Measure(Start, Start.AddSeconds(240), fixes, [], 119).UnobservedSeconds.ShouldBe(240);
    }

    [Fact]
    public void A_late_first_fix_and_a_silent_end_are_unobserved_and_reports_outside_the_patrol_are_clipped()
    {
        var fixes = Every(10, 300, 400);
        var report = new TimeStretch(Start.AddMinutes(-5), Start.AddSeconds(30));
        var result = Observation.Measure(Start, Start.AddSeconds(700), fixes, [report], 120);
        result.Unobserved.ShouldBe([new TimeStretch(Start, Start.AddSeconds(300)), new TimeStretch(Start.AddSeconds(400), Start.AddSeconds(700))]);
        result.ObservedSeconds.ShouldBe(100);
        result.UnobservedSeconds.ShouldBe(600);
    }

    [Fact]
    public void A_patrol_with_no_fix_at_all_is_unobserved_whole_and_fixes_out_of_order_give_the_same_answer()
    {
        Observation.Measure(Start, Start.AddMinutes(30), [], [], 120).UnobservedSeconds.ShouldBe(1800);
        var fixes = Every(10, 0, 100).Concat(Every(10, 400, 600)).ToList();
        var reversed = Enumerable.Reverse(fixes);
        Observation.Measure(Start, Start.AddMinutes(10), reversed, [], 120)
            .ShouldBe(Observation.Measure(Start, Start.AddMinutes(10), fixes, [], 120), new ResultComparer());
    }

    private sealed class ResultComparer : IEqualityComparer<ObservationResult>
    {
        public bool Equals(ObservationResult? x, ObservationResult? y) =>
            x!.ObservedSeconds == y!.ObservedSeconds && x.UnobservedSeconds == y.UnobservedSeconds && x.Unobserved.SequenceEqual(y.Unobserved);

        public int GetHashCode(ObservationResult obj) => obj.UnobservedSeconds.GetHashCode();
    }
}

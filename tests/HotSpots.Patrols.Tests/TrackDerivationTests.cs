using HotSpots.Modules.Patrols;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Tracks;
using NetTopologySuite.Geometries;

namespace HotSpots.Patrols.Tests;

/// <summary>
/// Synthetic tracks through a 300 m × 150 m spot (x 0–300, y 0–150, projected metres) with GPS noise, against the
/// visits, minutes, stops and modes they must give. Default settings: a visit starts within 10 m of the spot and ends
/// after 60 s beyond 30 m; a stop is 60 s within 20 m; a vehicle is a robust speed of 3.5 m/s or more.
/// </summary>
public sealed class TrackDerivationTests
{
    private static readonly DateTime Start = new(2026, 11, 20, 22, 0, 0, DateTimeKind.Utc);
    private static readonly PatrolSettings Rules = new();
    private static readonly SpotShape Spot = new(new GeometryFactory().CreatePolygon(
        [new Coordinate(0, 0), new Coordinate(300, 0), new Coordinate(300, 150), new Coordinate(0, 150), new Coordinate(0, 0)]));

    private static TrackDeriver Derive(IEnumerable<TrackPoint> points)
    {
        var deriver = new TrackDeriver(Rules, Spot);
        foreach (var p in points) deriver.Add(p);
        deriver.Finish();
        return deriver;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Walking_at_1_4_m_s_through_the_spot_is_one_foot_visit_of_the_expected_length_and_no_stop(int seed)
    {
        var track = new SyntheticTrack(seed, noiseMetres: 4, intervalSeconds: 5, Start)
            .StartAt(-200, 75).MoveTo(280, 75, 1.4).MoveTo(20, 75, 1.4).MoveTo(20, 300, 1.4);
        var result = Derive(track.Points);

        // In from x = -10 (the edge buffer) until 30 m north of the spot (the exit buffer): 135.7 s to 603.6 s.
        var visit = result.Visits.ShouldHaveSingleItem();
        visit.EnteredUtc.ShouldBe(Start.AddSeconds(190 / 1.4), TimeSpan.FromSeconds(8));
        visit.ExitedUtc.ShouldBe(Start.AddSeconds(480 / 1.4 + 260 / 1.4 + 105 / 1.4), TimeSpan.FromSeconds(8));
        (visit.Seconds / 60).ShouldBe(7.8, 0.25);
        result.ModeDuring(visit).ShouldBe(Movement.Foot);
        result.Stops.ShouldBeEmpty();
        result.Stretches.ShouldAllBe(s => s.Mode == Movement.Foot);
        result.Seconds(Movement.Vehicle).ShouldBe(0);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Driving_at_10_m_s_round_the_spot_is_one_vehicle_visit(int seed)
    {
        var track = new SyntheticTrack(seed, noiseMetres: 4, intervalSeconds: 5, Start).StartAt(-500, 75).MoveTo(250, 75, 10);
        for (var lap = 0; lap < 3; lap++)
            track.MoveTo(250, 25, 10).MoveTo(50, 25, 10).MoveTo(50, 125, 10).MoveTo(250, 125, 10).MoveTo(250, 75, 10);
        var lapsEnd = track.Clock;
        track.MoveTo(1200, 75, 10);
        var result = Derive(track.Points);

        var visit = result.Visits.ShouldHaveSingleItem();
        visit.EnteredUtc.ShouldBe(Start.AddSeconds(49), TimeSpan.FromSeconds(5));
        visit.ExitedUtc.ShouldBe(Start.AddSeconds(lapsEnd + 8), TimeSpan.FromSeconds(6)); // 80 m east to x = 330 at 10 m/s
        result.ModeDuring(visit).ShouldBe(Movement.Vehicle);
        result.Seconds(Movement.Vehicle).ShouldBeGreaterThan(0.95 * track.Clock);
        result.Stops.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void A_five_minute_stop_inside_the_spot_is_one_stop_of_five_minutes_in_the_right_place(int seed)
    {
        var track = new SyntheticTrack(seed, noiseMetres: 4, intervalSeconds: 5, Start)
            .StartAt(-100, 75).MoveTo(150, 75, 1.4);
        var arrived = track.Clock;
        track.Stay(300).MoveTo(150, 400, 1.4);
        var result = Derive(track.Points);

        // The stop may start a few fixes before arrival and end a few after leaving, while still within 20 m.
        var stop = result.Stops.ShouldHaveSingleItem();
        stop.StartUtc.ShouldBe(Start.AddSeconds(arrived), TimeSpan.FromSeconds(25));
        stop.Seconds.ShouldBeInRange(290, 345);
        TrackTime.Metres(stop.X, stop.Y, 150, 75).ShouldBeLessThan(8);
        Spot.MetresOutside(stop.X, stop.Y).ShouldBe(0);
        result.Visits.ShouldHaveSingleItem();
        result.Stretches.ShouldAllBe(s => s.Mode == Movement.Foot);
    }

    [Fact]
    public void A_car_that_parks_stays_a_vehicle_and_its_stop_is_found()
    {
        var track = new SyntheticTrack(9, noiseMetres: 4, intervalSeconds: 5, Start).StartAt(-600, 75).MoveTo(150, 75, 10).Stay(300).MoveTo(1000, 75, 10);
        var result = Derive(track.Points);
        result.Stops.ShouldHaveSingleItem().Seconds.ShouldBeInRange(290, 330);
        result.Seconds(Movement.Foot).ShouldBeLessThan(60);
        result.ModeDuring(result.Visits.ShouldHaveSingleItem()).ShouldBe(Movement.Vehicle);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    public void Jitter_along_the_spot_edge_is_one_visit_not_a_string_of_short_ones(int seed)
    {
        // Walking slowly up and down the north edge (y = 150) for 15 minutes with 8 m of GPS noise.
        var track = new SyntheticTrack(seed, noiseMetres: 8, intervalSeconds: 5, Start).StartAt(0, 150);
        while (track.Clock < 900) track.MoveTo(300, 150, 0.5).MoveTo(0, 150, 0.5);
        var points = track.Points.Where(p => p.TimeUtc <= Start.AddSeconds(900)).ToList();

        // The raw positions flip in and out of the polygon all the time…
        var flips = points.Zip(points.Skip(1)).Count(pair => (Spot.MetresOutside(pair.First.X, pair.First.Y) == 0) != (Spot.MetresOutside(pair.Second.X, pair.Second.Y) == 0));
        flips.ShouldBeGreaterThan(30);

        // …but it is one visit of the whole 15 minutes.
        var visit = Derive(points).Visits.ShouldHaveSingleItem();
        (visit.Seconds / 60).ShouldBe(15, 0.1);
    }

    [Fact]
    public void A_gap_with_no_signal_splits_the_visit_and_its_time_is_not_counted()
    {
        var track = new SyntheticTrack(13, noiseMetres: 4, intervalSeconds: 5, Start).StartAt(50, 75);
        for (var lap = 0; lap < 2; lap++) track.MoveTo(250, 75, 1.4).MoveTo(50, 75, 1.4); // 4 × 200 m at 1.4 m/s: 571 s inside
        track.Gap(360);
        for (var lap = 0; lap < 2; lap++) track.MoveTo(250, 75, 1.4).MoveTo(50, 75, 1.4);
        track.MoveTo(50, 400, 1.4);
        var result = Derive(track.Points);

        result.Visits.Count.ShouldBe(2);
        (result.Visits[0].Seconds / 60).ShouldBe(571.4 / 60, 0.15);
        (result.Visits[1].Seconds / 60).ShouldBe((571.4 + 105 / 1.4) / 60, 0.2);
        (result.SecondsInside / 60).ShouldBeLessThan(21.5); // the 6-minute gap is not in it
        result.Stops.ShouldBeEmpty();
    }

    [Fact]
    public void A_short_gap_under_the_limit_keeps_one_visit()
    {
        var track = new SyntheticTrack(14, noiseMetres: 4, intervalSeconds: 5, Start).StartAt(50, 75)
            .MoveTo(250, 75, 0.7).Gap(90).MoveTo(50, 75, 0.7);
        var visit = Derive(track.Points).Visits.ShouldHaveSingleItem();
        visit.Seconds.ShouldBe(track.Clock, 6);
    }

    [Fact]
    public void Walking_then_driving_is_a_foot_stretch_then_a_vehicle_stretch_with_the_change_near_the_truth()
    {
        var track = new SyntheticTrack(15, noiseMetres: 4, intervalSeconds: 5, Start).StartAt(-2000, 500).MoveTo(-1580, 500, 1.4);
        var changed = track.Clock;
        track.MoveTo(1000, 500, 10);
        var stretches = Derive(track.Points).Stretches;
        stretches.Select(s => s.Mode).ShouldBe([Movement.Foot, Movement.Vehicle]);
        stretches[1].StartUtc.ShouldBe(Start.AddSeconds(changed), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Feeding_a_track_in_batches_gives_what_feeding_it_at_once_gives()
    {
        var track = new SyntheticTrack(16, noiseMetres: 6, intervalSeconds: 5, Start)
            .StartAt(-300, 75).MoveTo(150, 75, 1.4).Stay(200).MoveTo(150, 250, 1.4).MoveTo(150, 75, 10).Stay(120).MoveTo(-800, 75, 10);
        var whole = Derive(track.Points);
        var batched = new TrackDeriver(Rules, Spot);
        var random = new Random(16);
        var index = 0;
        while (index < track.Points.Count)
        {
            var take = random.Next(1, 20);
            foreach (var p in track.Points.Skip(index).Take(take)) batched.Add(p);
            index += take;
            batched.Visits.ShouldAllBe(v => v.ExitedUtc >= v.EnteredUtc);
        }
        batched.Finish();
        batched.Visits.ShouldBe(whole.Visits);
        batched.Stops.ShouldBe(whole.Stops);
        batched.Stretches.ShouldBe(whole.Stretches);
    }

    [Fact]
    public void Inaccurate_fixes_and_repeated_times_are_not_used()
    {
        var deriver = new TrackDeriver(Rules, Spot);
        deriver.Add(new TrackPoint(Start, 100, 75, 5)).ShouldBeTrue();
        deriver.Add(new TrackPoint(Start.AddSeconds(5), 900, 75, 500)).ShouldBeFalse();
        deriver.Add(new TrackPoint(Start, 100, 75, 5)).ShouldBeFalse();
        deriver.Add(new TrackPoint(Start.AddSeconds(10), 110, 75, 5)).ShouldBeTrue();
        deriver.Visits.ShouldHaveSingleItem().Open.ShouldBeTrue();
    }
}

using HotSpots.Modules.Patrols;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Tracks;
using HotSpots.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Patrols.Tests;

/// <summary>The ping path on a real database, each provider: batches, retries, rejections, late pings, the end.</summary>
public sealed class PingRecordingTests
{
    private static SyntheticTrack Walk(DateTime start, int seed = 21) =>
        new SyntheticTrack(seed, noiseMetres: 4, intervalSeconds: 5, start)
            .StartAt(-150, 75).MoveTo(150, 75, 1.4).Stay(180).MoveTo(280, 140, 1.4).MoveTo(150, 400, 1.4);

    private static TrackDeriver Expected(PatrolWorld world, SyntheticTrack track)
    {
        var deriver = new TrackDeriver(new PatrolSettings(), SpotShapeOf(world));
        foreach (var p in world.Projected(track.Points)) deriver.Add(p);
        deriver.Finish();
        return deriver;
    }

    private static SpotShape SpotShapeOf(PatrolWorld world)
    {
        using var scope = world.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PatrolsDbContext>();
        return SpotShape.FromWkb(db.Patrols.OrderByDescending(p => p.Id).First().PolygonWkb);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Batches_give_the_visits_stops_and_minutes_of_the_whole_track_and_a_retry_stores_nothing_new(string provider)
    {
        await using var world = await PatrolWorld.CreateAsync(provider);
        var patrol = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None));
        var track = Walk(patrol.StartedUtc);
        world.Clock.Advance(TimeSpan.FromSeconds(track.Clock + 1));
        var pings = world.Pings(track.Points);

        PingBatchResult? last = null;
        foreach (var batch in pings.Chunk(50))
        {
            last = await world.Officer(m => m.RecordPingsAsync(patrol.Id, PatrolWorld.OfficerA, batch, CancellationToken.None));
            last.Accepted.ShouldBe(batch.Length);
            last.Rejected.ShouldBeEmpty();
            last.Running.ShouldBeTrue();
        }
        var retry = await world.Officer(m => m.RecordPingsAsync(patrol.Id, PatrolWorld.OfficerA, pings.Take(50).ToList(), CancellationToken.None));
        retry.Accepted.ShouldBe(0);
        retry.Duplicates.ShouldBe(50);

        var ended = await world.Officer(m => m.EndAsync(patrol.Id, PatrolWorld.OfficerA, null, CancellationToken.None));
        var expected = Expected(world, track);
        ended.Pings.ShouldBe(pings.Count);
        ended.EndReason.ShouldBe("officer");
        ended.Visits.ShouldBe(1);
        ended.Stops.ShouldBe(1);
        ended.MinutesInside.ShouldBe(expected.SecondsInside / 60, 1e-6);
        (ended.MinutesInside).ShouldBe(expected.Visits.Single().Seconds / 60, 1e-6);
        ended.FootMinutes.ShouldBe(ended.FootMinutes + ended.VehicleMinutes, 1e-9);

        var track2 = await world.Supervision(m => m.GetTrackAsync(patrol.Id, new TrackViewer(PatrolWorld.OfficerA, "a@test", false), CancellationToken.None));
        track2.Positions.Count.ShouldBe(pings.Count);
        var visit = track2.Visits.ShouldHaveSingleItem();
        visit.Open.ShouldBeFalse();
        visit.EnteredUtc.ShouldBe(expected.Visits[0].EnteredUtc, TimeSpan.FromMilliseconds(1));
        visit.ExitedUtc.ShouldBe(expected.Visits[0].ExitedUtc, TimeSpan.FromMilliseconds(1));
        track2.Stops.ShouldHaveSingleItem().Minutes.ShouldBe(3, 0.6);
        track2.Stops[0].InSpot.ShouldBeTrue();
        track2.Stretches.ShouldAllBe(s => s.Mode == Movement.Foot);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stored_ping_reads_back_exactly_as_it_was_sent(string provider)
    {
        await using var world = await PatrolWorld.CreateAsync(provider);
        var patrol = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None));
        var track = Walk(patrol.StartedUtc);
        world.Clock.Advance(TimeSpan.FromSeconds(track.Clock + 1));
        var sent = world.Pings(track.Points.Take(40)).Select((p, i) => p with
        {
            TimeUtc = p.TimeUtc.AddTicks(1_234_567 + i),
            AccuracyMetres = i % 3 == 0 ? null : p.AccuracyMetres + i / 7.0,
            SpeedMetresPerSecond = i % 4 == 0 ? null : 1.0 / (i + 3),
        }).ToList();

        var result = await world.Officer(m => m.RecordPingsAsync(patrol.Id, PatrolWorld.OfficerA, sent, CancellationToken.None));
        result.Accepted.ShouldBe(sent.Count);

        using var scope = world.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PatrolsDbContext>().Pings.AsNoTracking()
            .Where(p => p.PatrolId == patrol.Id).OrderBy(p => p.Sequence).ToListAsync();
        stored.Count.ShouldBe(sent.Count);
        var shape = SpotShapeOf(world);
        var points = world.Projected(track.Points.Take(40));
        foreach (var (ping, (input, point)) in stored.Zip(sent.Zip(points)))
        {
            ping.Sequence.ShouldBe(input.Sequence);
            ping.TimeUtc.Ticks.ShouldBe(provider == "Postgres" ? input.TimeUtc.Ticks / 10 * 10 : input.TimeUtc.Ticks); // PostgreSQL keeps microseconds
            ping.Latitude.ShouldBe(input.Latitude);
            ping.Longitude.ShouldBe(input.Longitude);
            ping.AccuracyMetres.ShouldBe(input.AccuracyMetres);
            ping.SpeedMetresPerSecond.ShouldBe(input.SpeedMetresPerSecond);
            ping.X.ShouldBe(point.X, 0.05); // projected back from latitude and longitude
            ping.Y.ShouldBe(point.Y, 0.05);
            ping.Inside.ShouldBe(shape.MetresOutside(ping.X, ping.Y) <= new PatrolSettings().EdgeBufferMetres);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Impossible_pings_are_rejected_one_by_one_with_a_reason_and_the_rest_are_kept(string provider)
    {
        await using var world = await PatrolWorld.CreateAsync(provider);
        var patrol = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None));
        var t = patrol.StartedUtc;
        world.Clock.Advance(TimeSpan.FromMinutes(2));
        var here = world.At(100, 75);
        var farAway = world.At(100, 75 + 5000);
        var batch = new List<PingInput>
        {
            new(1, t.AddSeconds(10), here.Latitude, here.Longitude, 5, null),
            new(2, t.AddSeconds(20), 91, here.Longitude, 5, null),
            new(3, t.AddHours(2), here.Latitude, here.Longitude, 5, null),
            new(4, t.AddSeconds(30), farAway.Latitude, farAway.Longitude, 5, null), // 5 km in 20 s
            new(5, t.AddSeconds(40), here.Latitude, here.Longitude, 5, null),
            new(6, t.AddMinutes(-10), here.Latitude, here.Longitude, 5, null),
            new(7, t.AddSeconds(50), here.Latitude, here.Longitude, -3, null),
            new(5, t.AddSeconds(40), here.Latitude, here.Longitude, 5, null), // the same sequence twice in one batch
        };
        var result = await world.Officer(m => m.RecordPingsAsync(patrol.Id, PatrolWorld.OfficerA, batch, CancellationToken.None));
        result.Accepted.ShouldBe(2);
        result.Duplicates.ShouldBe(1);
        result.Rejected.Select(r => r.Sequence).OrderBy(s => s).ShouldBe([2, 3, 4, 6, 7]);
        result.Rejected.Single(r => r.Sequence == 2).Reason.ShouldContain("out of range");
        result.Rejected.Single(r => r.Sequence == 3).Reason.ShouldContain("future");
        result.Rejected.Single(r => r.Sequence == 4).Reason.ShouldContain("faster than any vehicle");
        result.Rejected.Single(r => r.Sequence == 6).Reason.ShouldContain("before the patrol started");
        result.Rejected.Single(r => r.Sequence == 7).Reason.ShouldContain("accuracy");
        result.Inside.ShouldBeTrue();

        // Another officer's patrol is not found.
        await Should.ThrowAsync<PatrolNotFoundException>(() =>
            world.Officer(m => m.RecordPingsAsync(patrol.Id, PatrolWorld.OfficerB, batch, CancellationToken.None)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Late_pings_re_derive_the_patrol_as_if_they_had_come_in_order(string provider)
    {
        await using var world = await PatrolWorld.CreateAsync(provider);
        var inOrder = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None));
        var late = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerB, world.SpotId, CancellationToken.None));
        var track = Walk(inOrder.StartedUtc, seed: 22);
        world.Clock.Advance(TimeSpan.FromSeconds(track.Clock + 1));
        var batches = world.Pings(track.Points).Chunk(40).ToList();

        foreach (var batch in batches)
            await world.Officer(m => m.RecordPingsAsync(inOrder.Id, PatrolWorld.OfficerA, batch, CancellationToken.None));
        // The second patrol gets the middle batch last, as a phone that was offline for a while would send it.
        var middle = batches.Count / 2;
        foreach (var batch in batches.Where((_, i) => i != middle).Append(batches[middle]))
            await world.Officer(m => m.RecordPingsAsync(late.Id, PatrolWorld.OfficerB, batch, CancellationToken.None));

        var a = await world.Officer(m => m.GetAsync(inOrder.Id, PatrolWorld.OfficerA, CancellationToken.None));
        var b = await world.Officer(m => m.GetAsync(late.Id, PatrolWorld.OfficerB, CancellationToken.None));
        b!.Pings.ShouldBe(a!.Pings);
        b.MinutesInside.ShouldBe(a.MinutesInside, 1e-9);
        b.Visits.ShouldBe(a.Visits);
        b.Stops.ShouldBe(a.Stops);
        var visitsA = await world.Supervision(m => m.GetTrackAsync(inOrder.Id, new TrackViewer(PatrolWorld.OfficerA, "a", false), CancellationToken.None));
        var visitsB = await world.Supervision(m => m.GetTrackAsync(late.Id, new TrackViewer(PatrolWorld.OfficerB, "b", false), CancellationToken.None));
        visitsB.Visits.Select(v => (v.EnteredUtc, v.ExitedUtc, v.Open)).ShouldBe(visitsA.Visits.Select(v => (v.EnteredUtc, v.ExitedUtc, v.Open)));
        visitsB.Stops.Select(s => (s.StartUtc, s.EndUtc)).ShouldBe(visitsA.Stops.Select(s => (s.StartUtc, s.EndUtc)));
    }

    [Fact]
    public async Task Dosage_per_spot_and_police_day_adds_up_the_officers_visits()
    {
        await using var world = await PatrolWorld.CreateAsync("Sqlite");
        var a = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None));
        var b = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerB, world.SpotId, CancellationToken.None));
        // Both officers stand in the spot for 12 minutes, B starting 4 minutes after A.
        var trackA = new SyntheticTrack(31, 3, 5, a.StartedUtc).StartAt(100, 75).Stay(720).MoveTo(100, 500, 1.4);
        var trackB = new SyntheticTrack(32, 3, 5, a.StartedUtc.AddMinutes(4)).StartAt(120, 75).Stay(720).MoveTo(120, 500, 1.4);
        world.Clock.Advance(TimeSpan.FromMinutes(25));
        await world.Officer(m => m.RecordPingsAsync(a.Id, PatrolWorld.OfficerA, world.Pings(trackA.Points), CancellationToken.None));
        await world.Officer(m => m.RecordPingsAsync(b.Id, PatrolWorld.OfficerB, world.Pings(trackB.Points), CancellationToken.None));

        var dosage = await world.Presence(m => m.GetDosageAsync(world.Now.AddHours(-1), world.Now, PresenceSource.Patrols, CancellationToken.None));
        var row = dosage.ShouldHaveSingleItem();
        row.HotspotId.ShouldBe(world.SpotId);
        row.Visits.ShouldBe(2);
        row.KoperVisits.ShouldBe(2);
        row.Officers.ShouldBe(2);
        // Each visit lasts the 12-minute stay plus the walk out to 30 m beyond the spot's edge (105 m at 1.4 m/s).
        row.OfficerMinutes.ShouldBe(2 * (12 + 75 / 60.0), 0.3);
        row.PatrolMinutes.ShouldBe(16 + 75 / 60.0, 0.3);
        (await world.Presence(m => m.GetDosageAsync(world.Now.AddHours(-1), world.Now, PresenceSource.LocationFeed, CancellationToken.None))).ShouldBeEmpty();
        var leaderboard = await world.Presence(m => m.MinutesByOfficerAsync(world.Now.AddHours(-1), world.Now, CancellationToken.None));
        leaderboard.Single(o => o.OfficerId == PatrolWorld.OfficerA).KoperVisits.ShouldBe(1);
    }
}

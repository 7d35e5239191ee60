using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Platform;
using HotSpots.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Patrols.Tests;

/// <summary>
/// Unobserved time on a real database, each provider: the page's reports and the server's silences give a patrol's
/// observed and unobserved seconds, break its visits (neither inside nor outside), and add up by spot-day and officer.
/// </summary>
public sealed class ObservationRecordingTests
{
    /// <summary>Pings every 10 s at the centre of the spot at the given seconds after the start.</summary>
    private static List<PingInput> Inside(PatrolWorld world, DateTime start, IEnumerable<int> seconds, long firstSequence = 1)
    {
        var at = world.At(75, 75);
        return seconds.Select((s, i) => new PingInput(firstSequence + i, start.AddSeconds(s), at.Latitude, at.Longitude, 5, null)).ToList();
    }

    private static IEnumerable<int> Every10(int from, int to) => Enumerable.Range(0, (to - from) / 10 + 1).Select(i => from + i * 10);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_hidden_stretch_the_page_reports_is_unobserved_and_breaks_the_visit_even_between_close_pings(string provider)
    {
        await using var world = await PatrolWorld.CreateAsync(provider);
        var patrol = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None));
        var t0 = patrol.StartedUtc;
        world.Clock.Advance(TimeSpan.FromSeconds(605));
        // Hidden from 195 s to 255 s: no ping between 190 s and 260 s (70 s apart, under the 120 s gap threshold).
        var before = Inside(world, t0, Every10(0, 190));
        var after = Inside(world, t0, Every10(260, 600), 100);
        await world.Officer(m => m.RecordPingsAsync(patrol.Id, PatrolWorld.OfficerA, before, CancellationToken.None));
        await world.Officer(m => m.RecordPingsAsync(patrol.Id, PatrolWorld.OfficerA, after, CancellationToken.None));
        // The report comes after the later pings (a batch of pings can overtake it in the phone's queue).
        await world.Officer(async m =>
        {
            await m.RecordUnobservedAsync(patrol.Id, PatrolWorld.OfficerA, new UnobservedInput(99, t0.AddSeconds(195), t0.AddSeconds(255), "hidden"), CancellationToken.None);
            await m.RecordUnobservedAsync(patrol.Id, PatrolWorld.OfficerA, new UnobservedInput(99, t0.AddSeconds(195), t0.AddSeconds(255), "hidden"), CancellationToken.None);
            return 0;
        });

        var running = await world.Officer(m => m.GetAsync(patrol.Id, PatrolWorld.OfficerA, CancellationToken.None));
        running!.UnobservedSeconds.ShouldBe(60, 0.001);
        running.ObservedSeconds.ShouldBe(605 - 60, 0.001);

        var ended = await world.Officer(m => m.EndAsync(patrol.Id, PatrolWorld.OfficerA, t0.AddSeconds(600), CancellationToken.None));
        ended.UnobservedSeconds.ShouldBe(60, 0.001);
        ended.ObservedSeconds.ShouldBe(540, 0.001);
        ended.ObservedShare!.Value.ShouldBe(0.9, 0.0001);
        // Inside from 0 to 190 s and from 260 to 600 s: the hidden stretch (and the silence around it) is not inside.
        ended.Visits.ShouldBe(2);
        (ended.MinutesInside * 60).ShouldBe(530, 0.5);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_killed_page_cannot_report_yet_its_silence_is_unobserved_flagged_quiet_and_added_up_by_spot_day_and_officer(string provider)
    {
        await using var world = await PatrolWorld.CreateAsync(provider);
        var patrol = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None));
        var t0 = patrol.StartedUtc;
        world.Clock.Advance(TimeSpan.FromSeconds(600));
        var pings = Inside(world, t0, Every10(0, 100).Concat(Every10(400, 600)));
        await world.Officer(m => m.RecordPingsAsync(patrol.Id, PatrolWorld.OfficerA, pings, CancellationToken.None));

        world.Clock.Advance(TimeSpan.FromSeconds(100)); // 100 s since the last ping: not yet quiet
        var live = (await world.Supervision(m => m.ListRunningAsync(CancellationToken.None))).ShouldHaveSingleItem();
        live.Quiet.ShouldBeFalse();
        live.Patrol.UnobservedSeconds.ShouldBe(300, 0.001);

        world.Clock.Advance(TimeSpan.FromSeconds(200)); // 300 s since the last ping: quiet, and the silence so far is unobserved
        live = (await world.Supervision(m => m.ListRunningAsync(CancellationToken.None))).ShouldHaveSingleItem();
        live.Quiet.ShouldBeTrue();
        live.Patrol.UnobservedSeconds.ShouldBe(600, 0.001);
        live.Patrol.ObservedSeconds.ShouldBe(300, 0.001);

        var ended = await world.Officer(m => m.EndAsync(patrol.Id, PatrolWorld.OfficerA, t0.AddSeconds(600), CancellationToken.None));
        ended.UnobservedSeconds.ShouldBe(300, 0.001);
        ended.ObservedSeconds.ShouldBe(300, 0.001);

        var force = world.Services.GetRequiredService<ForceOptions>();
        var dayStart = force.PoliceDayStartUtc(t0);
        var dose = (await world.Presence(m => m.GetDosageAsync(dayStart, dayStart.AddDays(1), PresenceSource.Patrols, CancellationToken.None)))
            .Single(d => d.HotspotId == world.SpotId);
        dose.ObservedMinutes.ShouldBe(5, 0.0001);
        dose.UnobservedMinutes.ShouldBe(5, 0.0001);
        dose.ObservedShare!.Value.ShouldBe(0.5, 0.0001);
        var officer = (await world.Presence(m => m.MinutesByOfficerAsync(dayStart, dayStart.AddDays(1), CancellationToken.None))).ShouldHaveSingleItem();
        officer.ObservedMinutes.ShouldBe(5, 0.0001);
        officer.UnobservedMinutes.ShouldBe(5, 0.0001);
        var spot = (await world.Presence(m => m.MinutesBySpotAsync(dayStart, dayStart.AddDays(1), CancellationToken.None))).ShouldHaveSingleItem();
        spot.UnobservedMinutes.ShouldBe(5, 0.0001);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_report_sent_late_after_the_end_derives_the_patrol_again_and_a_bad_report_is_refused_with_a_reason(string provider)
    {
        await using var world = await PatrolWorld.CreateAsync(provider);
        var patrol = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None));
        var t0 = patrol.StartedUtc;
        world.Clock.Advance(TimeSpan.FromSeconds(605));
        await world.Officer(m => m.RecordPingsAsync(patrol.Id, PatrolWorld.OfficerA, Inside(world, t0, Every10(0, 600)), CancellationToken.None));
        var ended = await world.Officer(m => m.EndAsync(patrol.Id, PatrolWorld.OfficerA, t0.AddSeconds(600), CancellationToken.None));
        ended.UnobservedSeconds.ShouldBe(0);
        (ended.MinutesInside * 60).ShouldBe(600, 0.5);

        await world.Officer(async m =>
        {
            await m.RecordUnobservedAsync(patrol.Id, PatrolWorld.OfficerA, new UnobservedInput(500, t0.AddSeconds(200), t0.AddSeconds(260), "no-fix"), CancellationToken.None);
            return 0;
        });
        var after = await world.Officer(m => m.GetAsync(patrol.Id, PatrolWorld.OfficerA, CancellationToken.None));
        after!.UnobservedSeconds.ShouldBe(60, 0.001);
        after.ObservedSeconds.ShouldBe(540, 0.001);
        (after.MinutesInside * 60).ShouldBe(540, 0.5);
        after.Visits.ShouldBe(2);

        var unknown = await Should.ThrowAsync<ValidationException>(() => world.Officer(async m =>
        {
            await m.RecordUnobservedAsync(patrol.Id, PatrolWorld.OfficerA, new UnobservedInput(501, t0, t0.AddSeconds(10), "asleep"), CancellationToken.None);
            return 0;
        }));
        unknown.Message.ShouldContain("reason 'asleep'");
        var backwards = await Should.ThrowAsync<ValidationException>(() => world.Officer(async m =>
        {
            await m.RecordUnobservedAsync(patrol.Id, PatrolWorld.OfficerA, new UnobservedInput(502, t0.AddSeconds(10), t0, "hidden"), CancellationToken.None);
            return 0;
        }));
        backwards.Message.ShouldContain("ends before it starts");
        await Should.ThrowAsync<PatrolNotFoundException>(() => world.Officer(async m =>
        {
            await m.RecordUnobservedAsync(patrol.Id, PatrolWorld.OfficerB, new UnobservedInput(503, t0, t0.AddSeconds(10), "hidden"), CancellationToken.None);
            return 0;
        }));
    }
}

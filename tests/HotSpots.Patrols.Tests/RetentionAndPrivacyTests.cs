using System.Globalization;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Jobs;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Settings;
using HotSpots.Testing;

namespace HotSpots.Patrols.Tests;

/// <summary>Privacy: the purge of raw positions, patrols that end by themselves, who sees whose track, the audit.</summary>
public sealed class RetentionAndPrivacyTests
{
    private static async Task<PatrolView> PatrolAsync(PatrolWorld world, string officer, int seed)
    {
        var patrol = await world.Officer(m => m.StartAsync(officer, world.SpotId, CancellationToken.None));
        var track = new SyntheticTrack(seed, 4, 5, patrol.StartedUtc).StartAt(-100, 75).MoveTo(150, 75, 1.4).Stay(600).MoveTo(150, 400, 1.4);
        world.Clock.Advance(TimeSpan.FromSeconds(track.Clock + 1));
        await world.Officer(m => m.RecordPingsAsync(patrol.Id, officer, world.Pings(track.Points), CancellationToken.None));
        return await world.Officer(m => m.EndAsync(patrol.Id, officer, null, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_purge_removes_only_positions_older_than_the_setting_and_keeps_the_visits(string provider)
    {
        await using var world = await PatrolWorld.CreateAsync(provider);
        var old = await PatrolAsync(world, PatrolWorld.OfficerA, 41);
        world.Clock.Advance(TimeSpan.FromDays(20));
        var middle = await PatrolAsync(world, PatrolWorld.OfficerA, 42);
        world.Clock.Advance(TimeSpan.FromDays(20));
        var recent = await PatrolAsync(world, PatrolWorld.OfficerA, 43);
        var running = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None));
        var here = world.At(100, 75);
        await world.Officer(m => m.RecordPingsAsync(running.Id, PatrolWorld.OfficerA, [new PingInput(1, world.Now, here.Latitude, here.Longitude, 5, null)], CancellationToken.None));
        var me = new TrackViewer(PatrolWorld.OfficerA, "a@test", false);
        var visitsBefore = (await world.Supervision(m => m.GetTrackAsync(old.Id, me, CancellationToken.None))).Visits;

        // Default retention: 31 days. The oldest patrol (40 days) loses its positions; the others keep theirs.
        var purge = await world.InScopeAsync<PurgePingsJob, PingPurge>(j => j.RunAsync(CancellationToken.None));
        purge.PingsDeleted.ShouldBe(old.Pings);
        purge.Patrols.ShouldBe(1);
        var oldTrack = await world.Supervision(m => m.GetTrackAsync(old.Id, me, CancellationToken.None));
        oldTrack.Positions.ShouldBeEmpty();
        oldTrack.PositionsPurged.ShouldBeTrue();
        oldTrack.Visits.ShouldBe(visitsBefore);
        oldTrack.Visits.ShouldNotBeEmpty();
        oldTrack.Stops.ShouldNotBeEmpty();
        oldTrack.Patrol.MinutesInside.ShouldBe(old.MinutesInside);
        (await world.Supervision(m => m.GetTrackAsync(middle.Id, me, CancellationToken.None))).Positions.Count.ShouldBe(middle.Pings);
        (await world.Supervision(m => m.GetTrackAsync(recent.Id, me, CancellationToken.None))).Positions.Count.ShouldBe(recent.Pings);
        var dosage = await world.Presence(m => m.GetDosageAsync(old.StartedUtc, old.StartedUtc.AddHours(1), PresenceSource.Patrols, CancellationToken.None));
        dosage.ShouldHaveSingleItem().OfficerMinutes.ShouldBe(old.MinutesInside, 1e-6);

        var audit = await world.InScopeAsync<IAuditLog, IReadOnlyList<AuditRecordView>>(a => a.SearchAsync(new AuditQuery(Action: "pings.purge"), CancellationToken.None));
        audit.ShouldHaveSingleItem().Details!.ShouldContain($"deleted {old.Pings} positions");

        // Retention shortened at run time to 10 days: the middle patrol goes too, never the running one.
        await world.InScopeAsync<ISettingsStore, bool>(async s => { await s.SetAsync(RuntimeSettings.PingRetentionDaysKey, 10.0, "admin@test", CancellationToken.None); return true; });
        world.Clock.Advance(TimeSpan.FromDays(1));
        var second = await world.InScopeAsync<PurgePingsJob, PingPurge>(j => j.RunAsync(CancellationToken.None));
        second.PingsDeleted.ShouldBe(middle.Pings);
        (await world.Supervision(m => m.GetTrackAsync(recent.Id, me, CancellationToken.None))).Positions.Count.ShouldBe(recent.Pings);
        (await world.Supervision(m => m.GetTrackAsync(running.Id, me, CancellationToken.None))).Positions.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_patrol_left_running_ends_by_itself_after_the_longest_time_and_takes_no_later_pings()
    {
        await using var world = await PatrolWorld.CreateAsync("Sqlite");
        var patrol = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None));
        var here = world.At(100, 75);
        world.Clock.Advance(TimeSpan.FromMinutes(30));
        await world.Officer(m => m.RecordPingsAsync(patrol.Id, PatrolWorld.OfficerA, [new PingInput(1, world.Now, here.Latitude, here.Longitude, 5, null)], CancellationToken.None));
        world.Clock.Advance(TimeSpan.FromHours(3));
        (await world.InScopeAsync<EndOverduePatrolsJob, int>(j => j.RunAsync(CancellationToken.None))).ShouldBe(0);

        world.Clock.Advance(TimeSpan.FromHours(1)); // 4 h 30 min: past the default 240 minutes
        (await world.InScopeAsync<EndOverduePatrolsJob, int>(j => j.RunAsync(CancellationToken.None))).ShouldBe(1);
        var ended = await world.Officer(m => m.GetAsync(patrol.Id, PatrolWorld.OfficerA, CancellationToken.None));
        ended!.Running.ShouldBeFalse();
        ended.EndReason.ShouldBe("automatic");
        ended.EndedUtc.ShouldBe(patrol.StartedUtc.AddMinutes(240));

        var late = await world.Officer(m => m.RecordPingsAsync(patrol.Id, PatrolWorld.OfficerA,
            [new PingInput(2, world.Now, here.Latitude, here.Longitude, 5, null)], CancellationToken.None));
        late.Running.ShouldBeFalse();
        late.Accepted.ShouldBe(0);
        late.Rejected.ShouldHaveSingleItem().Reason.ShouldContain("after the patrol ended");
    }

    [Fact]
    public async Task Officers_see_their_own_tracks_and_sergeants_their_team_s_each_view_audited()
    {
        await using var world = await PatrolWorld.CreateAsync("Sqlite");
        var a = await PatrolAsync(world, PatrolWorld.OfficerA, 51);
        var b = await PatrolAsync(world, PatrolWorld.OfficerB, 52);
        Task<PatrolTrack> View(long id, string who, bool supervisor) =>
            world.Supervision(m => m.GetTrackAsync(id, new TrackViewer(who, who + "@test", supervisor), CancellationToken.None));

        (await View(a.Id, PatrolWorld.OfficerA, false)).Positions.ShouldNotBeEmpty();
        await Should.ThrowAsync<TrackAccessDeniedException>(() => View(b.Id, PatrolWorld.OfficerA, false));
        await Should.ThrowAsync<TrackAccessDeniedException>(() => View(b.Id, PatrolWorld.SergeantA, true));
        await Should.ThrowAsync<TrackAccessDeniedException>(() => View(a.Id, PatrolWorld.OfficerB, true)); // a supervisor flag alone is not enough: B is not in team A
        var seen = await View(a.Id, PatrolWorld.SergeantA, true);
        seen.OfficerName.ShouldBe("PC Able");
        seen.Positions.Count.ShouldBe(a.Pings);
        await Should.ThrowAsync<PatrolNotFoundException>(() => View(999_999, PatrolWorld.SergeantA, true));

        var audit = await world.InScopeAsync<IAuditLog, IReadOnlyList<AuditRecordView>>(l => l.SearchAsync(new AuditQuery(Action: "track.view"), CancellationToken.None));
        var viewed = audit.Where(e => e.Action == "track.view").ShouldHaveSingleItem(); // the officer's own view is not another person's track
        viewed.Actor.ShouldBe("sergeant-a@test");
        viewed.Subject.ShouldBe($"patrol {a.Id}");
        viewed.Why!.ShouldContain("Team A");
        audit.Count(e => e.Action == "track.view-refused").ShouldBe(3);

        var team = await world.Supervision(m => m.ListTeamPatrolsAsync(PatrolWorld.SergeantA, world.Now.AddDays(-1), world.Now.AddMinutes(1), CancellationToken.None));
        team.ShouldHaveSingleItem().Patrol.Id.ShouldBe(a.Id);
        (await world.Officer(m => m.ListOwnPatrolsAsync(PatrolWorld.OfficerB, 20, CancellationToken.None))).ShouldHaveSingleItem().Id.ShouldBe(b.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Baseline_presence_from_the_location_feed_counts_every_spot_and_stays_apart_from_patrols(string provider)
    {
        await using var world = await PatrolWorld.CreateAsync(provider);
        var start = world.Now.AddHours(-3);
        // A foot unit stands 12 minutes in the first spot; a car of unknown type circles the second spot for 5 minutes;
        // a third unit never comes near either.
        var rows = new List<string> { "unit_id,unit_type,time,latitude,longitude,accuracy" };
        void Add(string unit, string type, SyntheticTrack track, double dx = 0)
        {
            foreach (var p in track.Points)
            {
                var at = world.At(p.X + dx, p.Y);
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"{unit},{type},{p.TimeUtc:yyyy-MM-ddTHH:mm:ssZ},{at.Latitude:0.000000},{at.Longitude:0.000000},8"));
            }
        }
        Add("TV-FOOT", "foot", new SyntheticTrack(61, 4, 10, start).StartAt(-200, 75).MoveTo(150, 75, 1.4).Stay(720).MoveTo(150, 500, 1.4));
        var car = new SyntheticTrack(62, 4, 10, start).StartAt(1500, 75).MoveTo(2050, 75, 10);
        for (var lap = 0; lap < 5; lap++) car.MoveTo(2100, 25, 10).MoveTo(2000, 25, 10).MoveTo(2000, 125, 10).MoveTo(2050, 75, 10);
        Add("TV-CAR", "unknown", car.MoveTo(3500, 75, 10));
        Add("TV-AWAY", "vehicle", new SyntheticTrack(63, 4, 10, start).StartAt(-3000, -3000).MoveTo(-5000, -3000, 10));
        var file = world.Database.Folder.File("feed.csv");
        await File.WriteAllLinesAsync(file, rows);
        await world.InScopeAsync<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(file, CrimeFileFormat.Auto), null, CancellationToken.None));

        var run = await world.InScopeAsync<BaselinePresenceJob, BaselineRun>(j => j.RunAsync(CancellationToken.None));
        run.Spots.ShouldBe(2);
        run.Units.ShouldBe(3);
        run.Visits.ShouldBe(2);
        // Running it again re-derives the same days: nothing doubles.
        (await world.InScopeAsync<BaselinePresenceJob, BaselineRun>(j => j.RunAsync(CancellationToken.None))).Visits.ShouldBe(2);

        var visits = await world.Presence(m => m.ListVisitsAsync(start, world.Now, PresenceSource.LocationFeed, CancellationToken.None));
        visits.Count.ShouldBe(2);
        var foot = visits.Single(v => v.SubjectId == "TV-FOOT");
        foot.HotspotId.ShouldBe(world.SpotId);
        foot.Mode.ShouldBe(Movement.Foot);
        foot.Minutes.ShouldBe(12 + (160 + 105) / 1.4 / 60, 0.4); // in at x = -10, 160 m to the stand, out 30 m beyond the north edge
        foot.Koper.ShouldBeTrue();
        var car2 = visits.Single(v => v.SubjectId == "TV-CAR");
        car2.HotspotId.ShouldBe(world.OtherSpotId);
        car2.Mode.ShouldBe(Movement.Vehicle);
        car2.PatrolId.ShouldBeNull();

        var baseline = await world.Presence(m => m.GetDosageAsync(start, world.Now, PresenceSource.LocationFeed, CancellationToken.None));
        baseline.Select(d => d.HotspotId).OrderBy(i => i).ShouldBe(new[] { world.SpotId, world.OtherSpotId }.OrderBy(i => i));
        (await world.Presence(m => m.GetDosageAsync(start, world.Now, PresenceSource.Patrols, CancellationToken.None))).ShouldBeEmpty();
    }
}

using HotSpots.Modules.Patrols.Jobs;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Tasking.Data;
using HotSpots.Platform.Audit;
using HotSpots.Testing;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Patrols.Tests;

/// <summary>Where the phone was when Direct me was asked is forgotten after the raw-position retention, as pings are.</summary>
public sealed class DirectionRetentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Direct_me_positions_older_than_the_retention_are_forgotten_and_the_pick_is_kept(string provider)
    {
        await using var world = await PatrolWorld.CreateAsync(provider);
        var here = world.At(100, 75);
        var old = await world.InScopeAsync<ITaskingModule, Direction?>(t => t.DirectMeAsync(PatrolWorld.OfficerA, here, CancellationToken.None));
        old.ShouldNotBeNull();
        world.Clock.Advance(TimeSpan.FromDays(40));
        var recent = await world.InScopeAsync<ITaskingModule, Direction?>(t => t.DirectMeAsync(PatrolWorld.OfficerB, here, CancellationToken.None));
        recent.ShouldNotBeNull();

        // Default retention: 31 days. The 40-day-old direction loses the phone's position; the spot and candidates stay.
        var purge = await world.InScopeAsync<PurgePingsJob, PingPurge>(j => j.RunAsync(CancellationToken.None));
        purge.DirectionPositionsForgotten.ShouldBe(1);
        var rows = await world.InScopeAsync<TaskingDbContext, List<DirectionRecord>>(db => db.Directions.AsNoTracking().OrderBy(d => d.Id).ToListAsync());
        rows[0].FromLatitude.ShouldBeNull();
        rows[0].FromLongitude.ShouldBeNull();
        rows[0].HotspotId.ShouldBe(old.Spot.Id);
        rows[0].CandidateIds.ShouldNotBeEmpty();
        rows[1].FromLatitude!.Value.ShouldBe(here.Latitude, 1e-9);
        rows[1].FromLongitude!.Value.ShouldBe(here.Longitude, 1e-9);

        var audit = await world.InScopeAsync<IAuditLog, IReadOnlyList<AuditRecordView>>(a => a.SearchAsync(new AuditQuery(Action: "directions.purge"), CancellationToken.None));
        audit.ShouldHaveSingleItem().Details!.ShouldContain("for 1 Direct me requests");
        (await world.InScopeAsync<PurgePingsJob, PingPurge>(j => j.RunAsync(CancellationToken.None))).DirectionPositionsForgotten.ShouldBe(0, "a second run has nothing left to forget");
    }
}

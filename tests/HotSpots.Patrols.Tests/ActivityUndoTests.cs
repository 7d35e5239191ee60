using HotSpots.Modules.Hotspots;
using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Patrols;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Tasking;
using HotSpots.Modules.Workforce;
using HotSpots.Platform;
using HotSpots.Platform.Data;
using HotSpots.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Patrols.Tests;

/// <summary>
/// Activities on a real database, each provider: the kinds are the force's, and a mis-tap can be undone by the officer who
/// logged it for two minutes by the server's clock (the test's clock), after which the entry stays and counts.
/// </summary>
public sealed class ActivityUndoTests
{
    private static async Task<(PatrolWorld World, PatrolView Patrol)> PatrolAsync(string provider)
    {
        var world = await PatrolWorld.CreateAsync(provider);
        var patrol = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None));
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        return (world, patrol);
    }

    private static Task<int> LogAsync(PatrolWorld world, long patrolId, long sequence, string kind) =>
        world.Officer(async m =>
        {
            await m.LogActivityAsync(patrolId, PatrolWorld.OfficerA, new ActivityInput(sequence, world.Now, kind, null), CancellationToken.None);
            return 0;
        });

    private static Task<IReadOnlyList<ActivityView>> CountedAsync(PatrolWorld world) =>
        world.Presence(p => p.ListActivitiesAsync(world.Now.AddDays(-1), world.Now.AddDays(1), CancellationToken.None));

    private static Task<IReadOnlyList<OfficerMinutes>> OfficersAsync(PatrolWorld world) =>
        world.Presence(p => p.MinutesByOfficerAsync(world.Now.AddDays(-1), world.Now.AddDays(1), CancellationToken.None));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_activity_undone_within_two_minutes_is_kept_as_undone_and_counted_nowhere(string provider)
    {
        var (world, patrol) = await PatrolAsync(provider);
        await using var _ = world;
        await LogAsync(world, patrol.Id, 1, "Stop and search");
        await LogAsync(world, patrol.Id, 2, "Arrest");
        world.Clock.Advance(TimeSpan.FromSeconds(115));

        var after = await world.Officer(m => m.UndoActivityAsync(patrol.Id, PatrolWorld.OfficerA, 1, CancellationToken.None));
        after.Activities.ShouldBe(1);
        // Undoing again (the phone's retry) changes nothing, even after the window.
        world.Clock.Advance(TimeSpan.FromMinutes(10));
        (await world.Officer(m => m.UndoActivityAsync(patrol.Id, PatrolWorld.OfficerA, 1, CancellationToken.None))).Activities.ShouldBe(1);
        // The same entry sent again by the phone's queue stays undone.
        await LogAsync(world, patrol.Id, 1, "Stop and search");

        (await CountedAsync(world)).Select(a => a.Kind).ShouldBe(["Arrest"]);
        (await OfficersAsync(world)).Single(o => o.OfficerId == PatrolWorld.OfficerA).Activities.ShouldBe(1);
        var track = await world.Supervision(s => s.GetTrackAsync(patrol.Id, new TrackViewer(PatrolWorld.OfficerA, "able", false), CancellationToken.None));
        track.Activities.Select(a => a.Kind).ShouldBe(["Arrest"]);
        await using var scope = world.Services.CreateAsyncScope();
        var kept = await scope.ServiceProvider.GetRequiredService<PatrolsDbContext>().Activities.AsNoTracking().SingleAsync(a => a.Sequence == 1);
        kept.Kind.ShouldBe("Stop and search");
        kept.UndoneUtc.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_undo_after_two_minutes_is_refused_in_words_and_the_activity_stays_counted(string provider)
    {
        var (world, patrol) = await PatrolAsync(provider);
        await using var _ = world;
        await LogAsync(world, patrol.Id, 1, "Stop and search");
        world.Clock.Advance(TimeSpan.FromSeconds(121));

        var refused = await Should.ThrowAsync<ActivityUndoRefusedException>(
            () => world.Officer(m => m.UndoActivityAsync(patrol.Id, PatrolWorld.OfficerA, 1, CancellationToken.None)));
        refused.Message.ShouldContain("'Stop and search' was logged more than 2 minutes ago");
        refused.Message.ShouldContain("can no longer be undone");

        (await world.Officer(m => m.GetAsync(patrol.Id, PatrolWorld.OfficerA, CancellationToken.None)))!.Activities.ShouldBe(1);
        (await CountedAsync(world)).Select(a => a.Kind).ShouldBe(["Stop and search"]);
        (await OfficersAsync(world)).Single(o => o.OfficerId == PatrolWorld.OfficerA).Activities.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_officer_cannot_undo_an_activity_and_an_unknown_one_is_not_found(string provider)
    {
        var (world, patrol) = await PatrolAsync(provider);
        await using var _ = world;
        await LogAsync(world, patrol.Id, 1, "Arrest");

        await Should.ThrowAsync<PatrolNotFoundException>(
            () => world.Officer(m => m.UndoActivityAsync(patrol.Id, PatrolWorld.OfficerB, 1, CancellationToken.None)));
        await Should.ThrowAsync<ActivityNotFoundException>(
            () => world.Officer(m => m.UndoActivityAsync(patrol.Id, PatrolWorld.OfficerA, 7, CancellationToken.None)));
        (await CountedAsync(world)).Count.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_kinds_are_the_force_s_and_a_removed_kind_keeps_its_entries(string provider)
    {
        var (world, patrol) = await PatrolAsync(provider);
        await using var _ = world;
        var force = world.Services.GetRequiredService<ForceOptions>();
        force.Replace(force.Values with { ActivityKinds = ["Foot check", "Arrest"] });

        await LogAsync(world, patrol.Id, 1, "foot check");
        var unknown = await Should.ThrowAsync<ValidationException>(() => LogAsync(world, patrol.Id, 2, "Stop and search"));
        unknown.Message.ShouldBe("Activity kind 'Stop and search' is not one of: Foot check, Arrest (the force's kinds, set on the set-up page).");

        force.Replace(force.Values with { ActivityKinds = ["Arrest"] });
        (await CountedAsync(world)).Select(a => a.Kind).ShouldBe(["Foot check"]);
    }

    /// <summary>An entry stored before the undo window was kept (no time of logging): it upgrades, counts, and cannot be undone.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_database_before_the_undo_upgrades_keeping_its_activities(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var services = await ModuleHost.StartAsync(database, (s, c) =>
        {
            s.AddIngestionModule(c);
            s.AddHotspotsModule(c);
            s.AddWorkforceModule(c);
            s.AddTaskingModule(c);
            s.AddPatrolsModule(c);
        }, migrate: false);
        var modules = services.GetServices<IModuleDatabase>().ToList();
        foreach (var module in modules)
            if (module.Module == PatrolsModule.Name) await module.MigrateToAsync("Observation", CancellationToken.None);
            else await module.MigrateAsync(CancellationToken.None);
        var started = DateTime.UtcNow.AddMinutes(-1);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PatrolsDbContext>();
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO patrols_sessions ("Id", "OfficerId", "HotspotId", "SetId", "HotspotName", "PolygonWkb", "StartedUtc", "EndedUtc",
                  "PingCount", "MinutesInside", "LastInside", "ActivityCount", "EndReason", "LastPingUtc", "VisitCount", "KoperVisitCount",
                  "StopCount", "FootMinutes", "VehicleMinutes", "ObservedSeconds", "UnobservedSeconds")
                VALUES (1, 'officer-a', 5, 1, 'Friar Street', {0}, {1}, NULL, 0, 0, {2}, 1, NULL, NULL, 0, 0, 0, 0, 0, 0, 0)
                """, new byte[] { 1, 2, 3 }, started, false);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO patrols_activities ("Id", "PatrolId", "Sequence", "TimeUtc", "Kind", "Text") VALUES (1, 1, 1, {0}, 'Engagement', NULL)
                """, started.AddSeconds(30));
        }

        foreach (var module in modules) await module.MigrateAsync(CancellationToken.None);

        foreach (var module in modules) module.HasPendingModelChanges().ShouldBeFalse();
        var counted = await services.InScopeAsync<IPatrolPresence, IReadOnlyList<ActivityView>>(
            p => p.ListActivitiesAsync(started.AddDays(-1), started.AddDays(1), CancellationToken.None));
        counted.Select(a => a.Kind).ShouldBe(["Engagement"]);
        await Should.ThrowAsync<ActivityUndoRefusedException>(
            () => services.InScopeAsync<IOfficerPatrols, PatrolView>(m => m.UndoActivityAsync(1, "officer-a", 1, CancellationToken.None)));
    }
}

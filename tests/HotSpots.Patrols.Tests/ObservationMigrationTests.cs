using HotSpots.Modules.Hotspots;
using HotSpots.Modules.Ingestion;
using HotSpots.Modules.Patrols;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Tasking;
using HotSpots.Modules.Workforce;
using HotSpots.Platform.Data;
using HotSpots.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HotSpots.Modules.Patrols.Data;

namespace HotSpots.Patrols.Tests;

/// <summary>
/// The upgrade that adds measurement (Observation): a database at the Initial migrations with an ended patrol in it,
/// migrated to the latest, keeps the patrol, which reads as measured neither way (zero and zero, no share), and takes the
/// page's reports from then on.
/// </summary>
public sealed class ObservationMigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_database_at_the_initial_migrations_upgrades_keeping_its_patrols(string provider)
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
        foreach (var module in modules) await module.MigrateToAsync("Initial", CancellationToken.None);
        var started = new DateTime(2026, 11, 1, 20, 0, 0, DateTimeKind.Utc);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PatrolsDbContext>();
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO patrols_sessions ("Id", "OfficerId", "HotspotId", "SetId", "HotspotName", "PolygonWkb", "StartedUtc", "EndedUtc",
                  "PingCount", "MinutesInside", "LastInside", "ActivityCount", "EndReason", "LastPingUtc", "VisitCount", "KoperVisitCount",
                  "StopCount", "FootMinutes", "VehicleMinutes")
                VALUES (1, 'officer-a', 5, 1, 'Friar Street', {0}, {1}, {2}, 0, 12.5, {3}, 0, 'officer', NULL, 1, 1, 0, 20, 0)
                """, new byte[] { 1, 2, 3 }, started, started.AddMinutes(20), false);
        }

        foreach (var module in modules) await module.MigrateAsync(CancellationToken.None);

        foreach (var module in modules)
        {
            module.HasPendingModelChanges().ShouldBeFalse();
            (await module.UnknownAppliedMigrationsAsync(CancellationToken.None)).ShouldBeEmpty();
        }
        var patrol = (await services.InScopeAsync<IOfficerPatrols, PatrolView?>(m => m.GetAsync(1, "officer-a", CancellationToken.None)))!;
        patrol.MinutesInside.ShouldBe(12.5);
        patrol.EndReason.ShouldBe("officer");
        (patrol.ObservedSeconds, patrol.UnobservedSeconds).ShouldBe((0, 0));
        patrol.ObservedShare.ShouldBeNull();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PatrolsDbContext>();
            db.UnobservedReports.Add(new UnobservedReport { PatrolId = 1, Sequence = 1, StartUtc = started, EndUtc = started.AddMinutes(1), Reason = "hidden" });
            await db.SaveChangesAsync();
            (await db.UnobservedReports.CountAsync(u => u.PatrolId == 1)).ShouldBe(1);
        }
    }
}

using System.Data.Common;
using HotSpots.Platform.Revisions;
using HotSpots.Platform.Settings;
using HotSpots.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace HotSpots.Platform.Tests;

/// <summary>
/// The one way a copy held in memory notices change, on a real database: revisions raised in the writer's transaction,
/// read in one query by every use, and a copy stamped with the revisions read before it was built, so that a write that
/// commits while a copy is being built is never taken as seen.
/// </summary>
public sealed class RevisionedCacheTests
{
    private const string Kind = "test.things";
    private const string OtherKind = "test.other";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_write_committed_while_a_copy_is_built_is_in_every_copy_given_to_a_use_that_began_after_it(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var services = await ModuleHost.StartAsync(database, (_, _) => { });
        var data = 1;
        var building = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var builds = 0;
        var cache = new RevisionedCache<Box>(services.GetRequiredService<IRevisionReader>(), [Kind], async (_, _) =>
        {
            var seen = Volatile.Read(ref data);
            if (Interlocked.Increment(ref builds) == 1)
            {
                building.SetResult();
                await release.Task;
            }
            return new Box(seen);
        }, TimeProvider.System);

        // A use begins and builds from the data as it was; the write commits while that build is still running.
        var early = cache.GetAsync(CancellationToken.None);
        await building.Task;
        Volatile.Write(ref data, 2);
        await RaiseAsync(database, Kind);
        // A use that begins after the write, while the early build still runs (the tasking board's race).
        var late = cache.GetAsync(CancellationToken.None);
        release.SetResult();

        (await early).Value.ShouldBe(1, "the early use began before the write; it may answer without it");
        (await late).Value.ShouldBe(2, "a use that began after the write was given a copy built before it");
        (await cache.GetAsync(CancellationToken.None)).Value.ShouldBe(2);
        builds.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_copy_is_built_again_only_when_a_kind_it_depends_on_changes(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var services = await ModuleHost.StartAsync(database, (_, _) => { });
        var builds = 0;
        var cache = new RevisionedCache<Box>(services.GetRequiredService<IRevisionReader>(), [Kind, OtherKind],
            (stamp, _) => Task.FromResult(new Box(Interlocked.Increment(ref builds))), TimeProvider.System);

        var first = await cache.GetAsync(CancellationToken.None);
        for (var i = 0; i < 20; i++) (await cache.GetAsync(CancellationToken.None)).ShouldBeSameAs(first);
        await RaiseAsync(database, "test.unrelated");
        (await cache.GetAsync(CancellationToken.None)).ShouldBeSameAs(first);

        await RaiseAsync(database, OtherKind);
        var second = await cache.GetAsync(CancellationToken.None);
        second.Value.ShouldBe(2);
        cache.HeldStamp!.ToString().ShouldBe($"{Kind} 0, {OtherKind} 1");
        await RaiseAsync(database, Kind);
        (await cache.GetAsync(CancellationToken.None)).Value.ShouldBe(3);
        cache.HeldStamp![Kind].ShouldBe(1);
    }

    [Fact]
    public async Task A_copy_is_built_again_for_another_key_and_when_older_than_its_longest_age()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var services = await ModuleHost.StartAsync(database, (_, _) => { });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var builds = 0;
        var cache = new RevisionedCache<DateOnly, Box>(services.GetRequiredService<IRevisionReader>(), [Kind],
            (_, _, _) => Task.FromResult(new Box(Interlocked.Increment(ref builds))), clock, TimeSpan.FromSeconds(10));
        var today = new DateOnly(2026, 12, 7);

        (await cache.GetAsync(today, CancellationToken.None)).Value.ShouldBe(1);
        clock.Advance(TimeSpan.FromSeconds(9));
        (await cache.GetAsync(today, CancellationToken.None)).Value.ShouldBe(1);
        clock.Advance(TimeSpan.FromSeconds(2));
        (await cache.GetAsync(today, CancellationToken.None)).Value.ShouldBe(2);
        (await cache.GetAsync(today.AddDays(1), CancellationToken.None)).Value.ShouldBe(3);
        (await cache.GetAsync(today.AddDays(1), CancellationToken.None)).Value.ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_read_counts_every_raise_committed_before_it_was_asked_for_even_when_reads_are_shared(string provider)
    {
        // Many callers at once share reads; none may be answered by a read that began before it asked.
        using var database = TestDatabase.Create(provider);
        await using var services = await ModuleHost.StartAsync(database, (_, _) => { });
        var reader = services.GetRequiredService<IRevisionReader>();
        long committed = 0;
        var reads = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            await using var connection = Open(database);
            await connection.OpenAsync();
            for (var i = 0; i < 200; i++)
            {
                await using (var transaction = await connection.BeginTransactionAsync())
                {
                    await Revision.RaiseAsync(connection, transaction, Kind, CancellationToken.None);
                    await transaction.CommitAsync();
                }
                Interlocked.Exchange(ref committed, i + 1);
                // Reads happen between every two raises, however busy the machine: wait for the next one to end.
                var target = Volatile.Read(ref reads) + 1;
                while (Volatile.Read(ref reads) < target) await Task.Delay(1);
            }
        });
        var behind = 0;
        var readers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (!writer.IsCompleted)
            {
                var before = Interlocked.Read(ref committed);
                var read = await reader.ReadAsync(CancellationToken.None);
                Interlocked.Increment(ref reads);
                if (read[Kind] < before) Interlocked.Increment(ref behind);
            }
        })).ToList();
        await Task.WhenAll([writer, .. readers]);

        behind.ShouldBe(0);
        reads.ShouldBeGreaterThanOrEqualTo(200);
        (await reader.ReadAsync(CancellationToken.None))[Kind].ShouldBe(200);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_setting_changed_raises_its_own_revision(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var services = await ModuleHost.StartAsync(database, (_, _) => { });
        var reader = services.GetRequiredService<IRevisionReader>();

        await services.InScopeAsync<ISettingsStore, int>(async s => { await s.SetAsync("Test:Setting", 5, "admin", CancellationToken.None); return 0; });
        await services.InScopeAsync<ISettingsStore, int>(async s => { await s.SetAsync("Test:Setting", 6, "admin", CancellationToken.None); return 0; });

        var read = await reader.ReadAsync(CancellationToken.None);
        read[Revision.OfSetting("Test:Setting")].ShouldBe(2);
        read[Revision.OfSetting("Test:Other")].ShouldBe(0);
    }

    [Fact]
    public async Task A_revision_raised_outside_the_transaction_of_a_write_is_refused()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var services = await ModuleHost.StartAsync(database, (_, _) => { });
        await using var db = new DbContext(new DbContextOptionsBuilder().UseSqlite($"Data Source={database.Folder.File("hotspots.db")}").Options);

        (await Should.ThrowAsync<InvalidOperationException>(() => db.Database.RaiseAsync(Kind, CancellationToken.None)))
            .Message.ShouldContain("inside the transaction");
        (await services.GetRequiredService<IRevisionReader>().ReadAsync(CancellationToken.None))[Kind].ShouldBe(0);
    }

    private static async Task RaiseAsync(TestDatabase database, string kind)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Revision.RaiseAsync(connection, transaction, kind, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static DbConnection Open(TestDatabase database) => database.Provider == "Sqlite"
        ? new SqliteConnection($"Data Source={database.Folder.File("hotspots.db")};Default Timeout=30")
        : new NpgsqlConnection(database.ConnectionString);

    private sealed record Box(int Value);
}

using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Store;
using HotSpots.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HotSpots.Patrols.Tests;

/// <summary>The writer chosen for the provider; SQLite's group commit: batches that wait for the one writer share a transaction, each undone alone when it fails.</summary>
public sealed class GroupCommitTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_writer_is_chosen_once_for_the_provider_and_only_SQLite_has_a_gate_and_a_group_commit_loop(string provider)
    {
        await using var world = await PatrolWorld.CreateAsync(provider);
        var patrol = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None));
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        var at = world.At(10, 10);
        var pings = Enumerable.Range(1, 3).Select(i => new PingInput(i, patrol.StartedUtc.AddSeconds(i * 5), at.Latitude, at.Longitude, 5, null)).ToList();
        (await world.Officer(m => m.RecordPingsAsync(patrol.Id, PatrolWorld.OfficerA, pings, CancellationToken.None))).Accepted.ShouldBe(3);
        (await world.Officer(m => m.EndAsync(patrol.Id, PatrolWorld.OfficerA, null, CancellationToken.None))).Pings.ShouldBe(3);

        var writer = world.Services.GetRequiredService<TrackWriter>();
        if (provider == "Sqlite")
        {
            writer.ShouldBeOfType<SqliteTrackWriter>();
            world.Services.GetService<WriteGate>().ShouldNotBeNull();
            world.Services.GetService<GroupCommit>().ShouldNotBeNull();
        }
        else
        {
            writer.ShouldBeOfType<PostgresTrackWriter>();
            world.Services.GetService<WriteGate>().ShouldBeNull("PostgreSQL locks rows: its writers do not queue");
            world.Services.GetService<GroupCommit>().ShouldBeNull("the group-commit writer loop is not even created on PostgreSQL");
        }
    }

    [Fact]
    public async Task Batches_that_wait_together_share_one_commit_and_a_failing_one_is_undone_alone()
    {
        await using var world = await PatrolWorld.CreateAsync("Sqlite");
        var first = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None));
        var second = await world.Officer(m => m.StartAsync(PatrolWorld.OfficerB, world.SpotId, CancellationToken.None));
        var group = world.Services.GetRequiredService<GroupCommit>();
        var gate = world.Services.GetRequiredService<WriteGate>();
        var writes = new List<TrackWrite>();

        Func<TrackWrite, CancellationToken, Task<Written<int>>> Insert(long patrolId, int from, bool fail = false) => async (write, token) =>
        {
            lock (writes) writes.Add(write);
            var pings = Enumerable.Range(from, 5)
                .Select(i => new StoredPing(i, world.Now.AddSeconds(i), 51.45, -0.97, 5, null, 1000 + i, 2000, false)).ToList();
            await write.InsertPingsAsync(patrolId, pings, world.Now, token);
            if (fail) throw new InvalidOperationException("this batch fails after writing");
            return new Written<int>(pings.Count);
        };

        Task<int> opener, good1, bad, good2;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            // The writer takes the first batch and waits at the gate; the next three queue behind it and form one group.
            // (Waiting for the writer at the gate, not only for the queue to be empty: between taking the first batch and
            // going to the gate, the writer still takes whatever else has been queued into the same group.)
            opener = group.WriteAsync(Insert(first.Id, 1), CancellationToken.None);
            while (group.Waiting > 0 || gate.Waiting == 0) await Task.Delay(5);
            good1 = group.WriteAsync(Insert(first.Id, 100), CancellationToken.None);
            bad = group.WriteAsync(Insert(second.Id, 1, fail: true), CancellationToken.None);
            good2 = group.WriteAsync(Insert(second.Id, 100), CancellationToken.None);
            await Task.Delay(50);
            opener.IsCompleted.ShouldBeFalse();
            good1.IsCompleted.ShouldBeFalse();
        }

        (await opener).ShouldBe(5);
        (await good1).ShouldBe(5);
        (await good2).ShouldBe(5);
        (await Should.ThrowAsync<InvalidOperationException>(bad)).Message.ShouldBe("this batch fails after writing");
        writes.Count.ShouldBe(4);
        writes.Skip(1).Distinct().Count().ShouldBe(1, "the three batches queued together were written in one transaction");
        writes[0].ShouldNotBeSameAs(writes[1]);

        using var scope = world.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PatrolsDbContext>().Pings.AsNoTracking()
            .Select(p => new { p.PatrolId, p.Sequence }).ToListAsync();
        stored.Where(p => p.PatrolId == first.Id).Select(p => p.Sequence).Order().ShouldBe([1, 2, 3, 4, 5, 100, 101, 102, 103, 104]);
        stored.Where(p => p.PatrolId == second.Id).Select(p => p.Sequence).Order().ShouldBe([100, 101, 102, 103, 104]);
    }

    [Fact]
    public async Task Many_phones_sending_at_once_each_get_their_own_answer_and_every_ping_is_stored_once()
    {
        await using var world = await PatrolWorld.CreateAsync("Sqlite");
        var patrols = new[]
        {
            await world.Officer(m => m.StartAsync(PatrolWorld.OfficerA, world.SpotId, CancellationToken.None)),
            await world.Officer(m => m.StartAsync(PatrolWorld.OfficerB, world.SpotId, CancellationToken.None)),
        };
        var officers = new[] { PatrolWorld.OfficerA, PatrolWorld.OfficerB };
        world.Clock.Advance(TimeSpan.FromMinutes(10));
        var start = patrols[0].StartedUtc;

        // Each patrol sends 20 batches of 10 pings one after another, both at once, plus a batch for a patrol it does not own.
        async Task<List<PingBatchResult>> Phone(int who)
        {
            var results = new List<PingBatchResult>();
            for (var batch = 0; batch < 20; batch++)
            {
                var pings = Enumerable.Range(batch * 10, 10).Select(i =>
                {
                    var at = world.At(10 + i % 50, 10 + who * 20);
                    return new PingInput(i, start.AddSeconds(i + 1), at.Latitude, at.Longitude, 5, null);
                }).ToList();
                results.Add(await world.Officer(m => m.RecordPingsAsync(patrols[who].Id, officers[who], pings, CancellationToken.None)));
            }
            return results;
        }
        var stranger = world.Officer(m => m.RecordPingsAsync(patrols[0].Id, PatrolWorld.OfficerB, [new PingInput(999, start, 51.45, -0.97, 5, null)], CancellationToken.None));
        var answers = await Task.WhenAll(Phone(0), Phone(1));

        await Should.ThrowAsync<PatrolNotFoundException>(stranger);
        foreach (var results in answers) results.ShouldAllBe(r => r.Accepted == 10 && r.Duplicates == 0 && r.Rejected.Count == 0);
        using var scope = world.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PatrolsDbContext>();
        foreach (var patrol in patrols)
        {
            (await db.Pings.CountAsync(p => p.PatrolId == patrol.Id)).ShouldBe(200);
            (await db.Patrols.Where(s => s.Id == patrol.Id).Select(s => s.PingCount).SingleAsync()).ShouldBe(200);
        }
    }
}

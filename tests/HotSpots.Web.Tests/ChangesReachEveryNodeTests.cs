using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;
using HotSpots.Testing;

namespace HotSpots.Web.Tests;

/// <summary>
/// Two app instances on one PostgreSQL database, as two nodes behind a load balancer: each kind of change made on one
/// node is in the other node's answers within the delay docs/operations.md states for it — at its next use for tasking
/// and the crimes, within <c>Hotspots:SnapshotPollSeconds</c> for what reads the published set without asking — and a
/// trial sealed on one node has its control spots offered by the other node never after the seal returns.
/// </summary>
public sealed class ChangesReachEveryNodeTests
{
    private const int PollSeconds = 1;
    private static readonly CrimeFilter March2015 = new(new DateOnly(2015, 3, 1), new DateOnly(2015, 3, 31), Category: "Robbery");

    [Fact]
    public async Task Each_kind_of_change_made_on_one_node_is_in_the_other_nodes_answers_within_its_stated_time()
    {
        using var database = TestDatabase.Create("Postgres");
        using var dataB = new TempDirectory("hotspots-node-b");
        await using var nodeA = Node(database, null);
        await using var nodeB = Node(database, dataB);
        var officer = (await nodeA.Use<IWorkforce, IReadOnlyList<OfficerView>>(t => t.ListOfficersAsync(CancellationToken.None)))
            .Single(o => o.DisplayName == "PC Alex Morgan");
        var officerId = officer.OfficerId;
        var teams = await nodeA.Use<IWorkforce, IReadOnlyList<TeamView>>(t => t.ListTeamsAsync(CancellationToken.None));
        var here = (await nodeB.Use<IHotspotSnapshot, HotspotSnapshot>(s => s.CurrentAsync(CancellationToken.None))).Spots[0].Centre;
        // Node B holds everything in memory before the changes: the crimes, the published set, today's board.
        (await CrimesOnAsync(nodeB)).Count.ShouldBe(0);
        (await NearAsync(nodeB, officerId, here)).ShouldNotBeEmpty();
        var before = await TodayAsync(nodeB);

        // An import on A: B's crimes page and B's next refresh (the crime table) have the new crimes.
        var file = database.Folder.File("robberies.csv");
        await File.WriteAllLinesAsync(file, ["reference,category,occurred_from,easting,northing,location", ..
            Enumerable.Range(1, 25).Select(i => $"TWO/{i},Robbery,2015-03-{i:00} 21:30,{471000 + 10 * i},173000,On or near Market Place")]);
        var heldBefore = await nodeB.Use<IIngestedData, CrimeTable>(m => m.GetCrimeTableAsync(DateTime.MinValue, DateTime.MaxValue, CancellationToken.None));
        (await nodeA.Use<IImports, ImportReport>(m => m.ImportAsync(new ImportRequest(file), null, CancellationToken.None))).Imported.ShouldBe(25);
        var crimes = await CrimesOnAsync(nodeB);
        crimes.Count.ShouldBe(25);
        var held = await nodeB.Use<IIngestedData, CrimeTable>(m => m.GetCrimeTableAsync(DateTime.MinValue, DateTime.MaxValue, CancellationToken.None));
        (held.Count, held.Revision).ShouldBe((heldBefore.Count + 25, heldBefore.Revision + 1));

        // Harm weights changed on A: B's crimes page weighs by them.
        await nodeA.Use<IIngestionAdministration, int>(async m =>
        {
            await m.SetHarmOverridesAsync(new HarmOverrides(new Dictionary<string, double> { ["Robbery"] = 777 }, new Dictionary<string, double>()), "analyst", CancellationToken.None);
            return 0;
        });
        (await CrimesOnAsync(nodeB)).Harm.ShouldBe(25 * 777);

        // A set published on A: B's tasking offers it at once; what reads B's snapshot without asking has it within the poll.
        var published = await nodeA.Use<IHotspotModule, HotspotSetSummary>(h => h.RefreshAsync(true, "analyst@demo.hotspots", CancellationToken.None));
        var newSpots = (await nodeA.Use<IHotspotSnapshot, HotspotSnapshot>(s => s.CurrentAsync(CancellationToken.None))).Spots.Select(s => s.Id).ToHashSet();
        var watch = Stopwatch.StartNew();
        (await NearAsync(nodeB, officerId, here)).Select(n => n.Spot.Id).ShouldBeSubsetOf(newSpots);
        (await TodayAsync(nodeB)).Spots.Select(s => s.Spot.Id).ShouldBe(newSpots, ignoreOrder: true);
        var snapshotB = nodeB.Service<IHotspotSnapshot>();
        while (snapshotB.Current.Set?.Id != published.Id && watch.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(PollSeconds + 2), $"node B's snapshot took {watch.Elapsed.TotalSeconds:0.0} s to follow the publish");

        // A briefing edited on A: B's officers read it at once.
        var spot = (await NearAsync(nodeB, officerId, here))[0].Spot;
        await nodeA.Use<IHotspotReview, int>(async r => { await r.UpdateBriefingAsync(spot.Id, "Two nodes, one briefing.", "analyst", CancellationToken.None); return 0; });
        (await NearAsync(nodeB, officerId, here)).Single(n => n.Spot.Id == spot.Id).Spot.Briefing.ShouldBe("Two nodes, one briefing.");

        // An assignment on A to the officer's team: B's near me puts the spot first as the team's (after only a spot the
        // officer stands in, which is offered before anything).
        var shift = (await TodayAsync(nodeB)).CurrentShift;
        var farthest = (await NearAsync(nodeB, officerId, here))[^1].Spot;
        await nodeA.Use<ITaskingModule, AssignmentView>(t => t.AssignAsync(farthest.Id, officer.TeamId!.Value, shift, "supervisor", CancellationToken.None));
        var near = await NearAsync(nodeB, officerId, here);
        var firstNotStoodIn = near.First(n => n.DistanceMetres >= 1);
        (firstNotStoodIn.Spot.Id, firstNotStoodIn.AssignedToYourTeam).ShouldBe((farthest.Id, true));
        (await TodayAsync(nodeB)).Assignments.ShouldContain(a => a.HotspotId == farthest.Id && a.TeamId == officer.TeamId);

        // The officer moved to another team on A: on B the spot is no longer his team's.
        var otherTeam = teams.First(t => t.Id != officer.TeamId);
        await nodeA.Use<IWorkforceAdministration, int>(async w =>
        {
            await w.SaveOfficerAsync(new OfficerRecord(officerId, officer.DisplayName, officer.CollarNumber, otherTeam.Id), "admin", CancellationToken.None);
            return 0;
        });
        (await NearAsync(nodeB, officerId, here)).ShouldAllBe(n => !n.AssignedToYourTeam);
        (await nodeB.Use<IWorkforce, OfficerView?>(w => w.FindOfficerAsync(officerId, CancellationToken.None)))!.TeamName.ShouldBe(otherTeam.Name);

        // A team renamed on A: B's board names the assignment's team by its new name.
        await nodeA.Use<IWorkforceAdministration, TeamView>(w => w.RenameTeamAsync(officer.TeamId!.Value, "Renamed on A", "admin", CancellationToken.None));
        (await TodayAsync(nodeB)).Assignments.Single(a => a.HotspotId == farthest.Id).TeamName.ShouldBe("Renamed on A");

        // Dose targets changed on A: B's board asks for them.
        before.Targets.ShouldNotBe(new DoseTargets(20, 4, 100));
        await nodeA.Use<ITaskingModule, int>(async t => { await t.SetDoseTargetsAsync(new DoseTargets(20, 4, 100), "manager", CancellationToken.None); return 0; });
        (await TodayAsync(nodeB)).Targets.ShouldBe(new DoseTargets(20, 4, 100));
        (await NearAsync(nodeB, officerId, here))[0].Need.TargetMinutes.ShouldBe(80);
    }

    [Fact]
    public async Task A_trial_sealed_on_one_node_has_its_control_spots_never_offered_by_the_other_after_the_seal_returns()
    {
        using var database = TestDatabase.Create("Postgres");
        using var dataB = new TempDirectory("hotspots-node-b");
        await using var nodeA = Node(database, null);
        await using var nodeB = Node(database, dataB);
        var today = nodeA.Service<ForceOptions>().PoliceDay(DateTime.UtcNow);
        var trial = await nodeA.Use<ITrials, TrialView>(t => t.CreateAsync(
            new TrialRequest("Two nodes", TrialDesign.FixedArms, 0.5, today, 7, 2, 11, null, TrialPlans.Harm), "evaluator@demo.hotspots", CancellationToken.None));
        var control = (await nodeA.Use<ITrials, IReadOnlyList<TrialPlaceDay>>(t => t.PlaceDaysAsync(trial.Id, CancellationToken.None)))
            .Where(p => p.PoliceDay == today && p.Arm == TrialArm.Control).Select(p => p.HotspotId).ToHashSet();
        control.Count.ShouldBe(10);
        var spots = nodeB.Service<IHotspotSnapshot>().Current.Spots;
        using var officerOnB = await SignedInClient.SignInAsync(nodeB, "officer@demo.hotspots");

        // Node B answers near me all the while, so that its board is being built when the seal commits.
        var sealReturned = 0;
        var answers = new ConcurrentBag<(bool AskedAfterSeal, long[] Ids)>();
        using var stop = new CancellationTokenSource();
        var askers = Enumerable.Range(0, 4).Select(k => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var at = spots[(k * 7 + i) % spots.Count].Centre;
                var askedAfterSeal = Volatile.Read(ref sealReturned) == 1;
                var near = await officerOnB.GetFromJsonAsync<List<SpotJson>>(
                    $"/api/hotspots/near?lat={at.Latitude.ToString(CultureInfo.InvariantCulture)}&lon={at.Longitude.ToString(CultureInfo.InvariantCulture)}&count=50");
                answers.Add((askedAfterSeal, near!.Select(n => n.Id).ToArray()));
            }
        })).ToList();
        while (answers.Count < 20) await Task.Delay(10);

        await nodeA.Use<ITrials, TrialView>(t => t.SealAsync(trial.Id, "evaluator@demo.hotspots", CancellationToken.None));
        Volatile.Write(ref sealReturned, 1);
        // Right after the seal: many questions to node B at once, besides the ones running.
        var burst = await Task.WhenAll(spots.SelectMany(s => Enumerable.Repeat(s, 5)).Select(s => NearAsync(nodeB, "burst", s.Centre)));
        var afterBurst = answers.Count;
        while (answers.Count < afterBurst + 200) await Task.Delay(10);
        await stop.CancelAsync();
        await Task.WhenAll(askers);

        burst.ShouldAllBe(b => b.All(n => !control.Contains(n.Spot.Id)), "node B offered a control spot right after the seal");
        var late = answers.Where(a => a.AskedAfterSeal).ToList();
        late.Count.ShouldBeGreaterThan(200);
        late.ShouldAllBe(a => a.Ids.All(id => !control.Contains(id)), "node B offered a control spot to a question asked after the seal returned");
        late.ShouldAllBe(a => a.Ids.Length == spots.Count - control.Count);
        answers.Where(a => !a.AskedAfterSeal).ShouldContain(a => a.Ids.Any(control.Contains), "before the seal every spot is offered");
    }

    private static HotSpotsApp Node(TestDatabase database, TempDirectory? ownData)
    {
        var settings = new Dictionary<string, string?> { ["Hotspots:SnapshotPollSeconds"] = PollSeconds.ToString(CultureInfo.InvariantCulture) };
        if (ownData is not null)
        {
            // The second node: its own data directory, the demo seeded by the first.
            settings["HOTSPOTS_DATA_DIR"] = ownData.Path;
            settings["Demo:Enabled"] = "false";
        }
        var node = new HotSpotsApp(database, settings);
        _ = node.Services; // starts it: migrations, and on the first node the demo seed
        return node;
    }

    private static Task<CrimeExplorer> CrimesOnAsync(HotSpotsApp node) =>
        node.Use<IDashboardModule, CrimeExplorer>(d => d.GetCrimesAsync(March2015, TrialSight.Totals, CancellationToken.None));

    private static Task<TaskingDay> TodayAsync(HotSpotsApp node) => node.Use<ITaskingModule, TaskingDay>(t => t.TodayAsync(CancellationToken.None));

    private static async Task<IReadOnlyList<NearbySpot>> NearAsync(HotSpotsApp node, string officerId, GeoPoint here) =>
        await node.Use<ITaskingModule, IReadOnlyList<NearbySpot>>(t => t.NearMeAsync(officerId, here, 50, CancellationToken.None));

    private sealed record SpotJson(long Id);
}

internal static class NodeCalls
{
    /// <summary>Calls a module of the node in a scope of its own, as a request would.</summary>
    public static async Task<TResult> Use<T, TResult>(this HotSpotsApp node, Func<T, Task<TResult>> call) where T : notnull
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<T>());
    }
}

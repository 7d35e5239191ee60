using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Testing;

namespace HotSpots.Web.Tests;

public sealed class TrialTests : IClassFixture<TrialTests.App>
{
    public sealed class App : IDisposable
    {
        public TestDatabase Database { get; } = TestDatabase.Create("Sqlite");
        public HotSpotsApp Host { get; }
        public App() => Host = new HotSpotsApp(Database);
        public void Dispose() { Host.Dispose(); Database.Dispose(); }
    }

    private readonly HotSpotsApp _app;

    public TrialTests(App app) => _app = app.Host;

    private DateOnly Today => _app.Service<ForceOptions>().PoliceDay(DateTime.UtcNow);

    private async Task<T> Trials<T>(Func<ITrials, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ITrials>());
    }

    private async Task<IReadOnlyList<AuditRecordView>> AuditAsync(string action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditLog>().SearchAsync(new AuditQuery(Action: action), CancellationToken.None);
    }

    [Fact]
    public async Task A_sealed_schedule_cannot_be_altered_and_every_attempt_is_refused_and_logged()
    {
        var draft = await Trials(t => t.CreateAsync(new TrialRequest("Seal test", TrialDesign.DailyPlaceDays, 0.5, Today.AddDays(200), 14, 2, 42, null, TrialPlans.Harm),
            "evaluator@demo.hotspots", CancellationToken.None));
        draft.Sealed.ShouldBeFalse();
        draft.Seed.ShouldBe(42);
        draft.Spots.Count.ShouldBe(20);
        var csv = await Trials(t => t.ExportScheduleAsync(draft.Id, "evaluator@demo.hotspots", CancellationToken.None));
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(csv))).ShouldBe(draft.Sha256);
        csv.Split('\n').Count(l => l.EndsWith(",treatment") || l.EndsWith(",control")).ShouldBe(20 * 14);
        csv.ShouldNotContain(draft.Spots[0].Name); // pseudonymised: codes only

        var sealedTrial = await Trials(t => t.SealAsync(draft.Id, "evaluator@demo.hotspots", CancellationToken.None));
        sealedTrial.Sealed.ShouldBeTrue();
        sealedTrial.Sha256.ShouldBe(draft.Sha256);

        var refusedBefore = (await AuditAsync("trial.refused")).Count;
        await Should.ThrowAsync<TrialRefusedException>(() => Trials(t => t.RegenerateAsync(draft.Id, 7, "evaluator@demo.hotspots", CancellationToken.None)));
        await Should.ThrowAsync<TrialRefusedException>(async () => await Trials(async t => { await t.DeleteAsync(draft.Id, "admin@demo.hotspots", CancellationToken.None); return 0; }));
        await Should.ThrowAsync<TrialRefusedException>(() => Trials(t => t.SealAsync(draft.Id, "evaluator@demo.hotspots", CancellationToken.None)));

        var after = await Trials(t => t.GetAsync(draft.Id, CancellationToken.None));
        after!.Sha256.ShouldBe(draft.Sha256);
        after.Seed.ShouldBe(42);
        (await Trials(t => t.ExportScheduleAsync(draft.Id, "evaluator@demo.hotspots", CancellationToken.None))).ShouldBe(csv);
        var refused = await AuditAsync("trial.refused");
        refused.Count.ShouldBe(refusedBefore + 3);
        refused.Take(3).ShouldAllBe(r => r.Subject.Contains($"trial {draft.Id}"));
        (await AuditAsync("trial.seal")).ShouldContain(r => r.Details!.Contains(draft.Sha256));
    }

    [Fact]
    public async Task A_draft_can_be_generated_again_and_a_trial_cannot_start_in_the_past_or_overlap_a_sealed_one()
    {
        var draft = await Trials(t => t.CreateAsync(new TrialRequest("Draft", TrialDesign.FixedArms, 0.5, Today.AddDays(400), 10, 2, 1, null, TrialPlans.Harm),
            "evaluator@demo.hotspots", CancellationToken.None));
        var again = await Trials(t => t.RegenerateAsync(draft.Id, 2, "evaluator@demo.hotspots", CancellationToken.None));
        again.Seed.ShouldBe(2);
        again.Sha256.ShouldNotBe(draft.Sha256);

        var past = Should.ThrowAsync<TrialRefusedException>(() => Trials(t => t.CreateAsync(
            new TrialRequest("Past", TrialDesign.FixedArms, 0.5, Today.AddDays(-1), 10, 2, 1, null, TrialPlans.Harm), "evaluator@demo.hotspots", CancellationToken.None)));
        (await past).Message.ShouldContain("already begun");

        await Trials(t => t.SealAsync(draft.Id, "evaluator@demo.hotspots", CancellationToken.None));
        var overlapping = await Trials(t => t.CreateAsync(new TrialRequest("Overlap", TrialDesign.FixedArms, 0.5, Today.AddDays(405), 10, 2, 1, null, TrialPlans.Harm),
            "evaluator@demo.hotspots", CancellationToken.None));
        var error = await Should.ThrowAsync<TrialRefusedException>(() => Trials(t => t.SealAsync(overlapping.Id, "evaluator@demo.hotspots", CancellationToken.None)));
        error.Message.ShouldContain("same days");
    }
}

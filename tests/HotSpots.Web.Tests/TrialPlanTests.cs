using System.Net;
using System.Security.Cryptography;
using System.Text;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Testing;

namespace HotSpots.Web.Tests;

/// <summary>Pre-registration (issue 21, item 3): the analysis plan is sealed in the schedule's SHA-256 and cannot change after.</summary>
public sealed class TrialPlanTests
{
    private const string Evaluator = "evaluator@demo.hotspots";

    private static async Task<T> Trials<T>(HotSpotsApp app, Func<ITrials, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ITrials>());
    }

    private static async Task<IReadOnlyList<AuditRecordView>> AuditAsync(HotSpotsApp app, string action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditLog>().SearchAsync(new AuditQuery(Action: action), CancellationToken.None);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task Every_field_of_the_plan_is_in_the_hash_and_the_sealed_plan_verifies_against_the_stored_record()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var today = app.Service<ForceOptions>().PoliceDay(DateTime.UtcNow);
        var draft = await Trials(app, t => t.CreateAsync(new TrialRequest("Plan test", TrialDesign.DailyPlaceDays, 0.5, today.AddDays(30), 14, 2, 42, null),
            Evaluator, CancellationToken.None));
        draft.Plan.ShouldBeNull();

        // No plan, no seal.
        var unplanned = await Should.ThrowAsync<TrialRefusedException>(() => Trials(app, t => t.SealAsync(draft.Id, Evaluator, CancellationToken.None)));
        unplanned.Message.ShouldContain("State the analysis plan before sealing");

        var planned = await Trials(app, t => t.SetPlanAsync(draft.Id, TrialPlans.Harm, Evaluator, CancellationToken.None));
        planned.Sha256.ShouldNotBe(draft.Sha256);
        planned.Seed.ShouldBe(42);
        var csv = await Trials(app, t => t.ExportScheduleAsync(draft.Id, Evaluator, CancellationToken.None));
        Sha256(csv).ShouldBe(planned.Sha256);
        csv.ShouldContain("# plan: primary outcome: harm (CCHI days) of Violence and sexual offences; Robbery; Possession of weapons\n");
        csv.ShouldContain("# plan: analysis: randomisation inference over the trial's own design; effect size: negative binomial; two-sided; alpha 0.05\n");
        csv.ShouldContain("# plan: displacement buffer: 150 m; minimum dose for per-protocol: 15 minutes a day\n");
        (await AuditAsync(app, "trial.plan")).ShouldContain(r => r.Details!.Contains(planned.Sha256));

        // Changing any one field changes the hash; the same plan again gives the same hash.
        AnalysisPlan[] variants =
        [
            TrialPlans.Harm with { Outcome = PlannedOutcome.Crimes },
            TrialPlans.Harm with { CrimeTypes = ["Violence and sexual offences", "Robbery"] },
            TrialPlans.Harm with { Model = PlannedModel.PoissonClusterRobust },
            TrialPlans.Harm with { Sides = PlannedSides.OneSidedReduction },
            TrialPlans.Harm with { Alpha = 0.01 },
            TrialPlans.Harm with { DisplacementBufferMetres = 200 },
            TrialPlans.Harm with { MinimumDoseMinutes = 10 },
        ];
        var hashes = new List<string> { planned.Sha256 };
        foreach (var variant in variants)
            hashes.Add((await Trials(app, t => t.SetPlanAsync(draft.Id, variant, Evaluator, CancellationToken.None))).Sha256);
        hashes.Distinct().Count().ShouldBe(variants.Length + 1);
        (await Trials(app, t => t.SetPlanAsync(draft.Id, TrialPlans.Harm, Evaluator, CancellationToken.None))).Sha256.ShouldBe(planned.Sha256);

        // A plan that is not valid is refused with the field named, and changes nothing.
        foreach (var (bad, reason) in new[]
                 {
                     (TrialPlans.Harm with { Alpha = 0.5 }, "Alpha must be above 0 and at most 0.2"),
                     (TrialPlans.Harm with { CrimeTypes = [] }, "Primary outcome: name at least one crime type"),
                     (TrialPlans.Harm with { DisplacementBufferMetres = 5 }, "displacement buffer must be between 10 and 2,000 metres"),
                     (TrialPlans.Harm with { MinimumDoseMinutes = 0 }, "minimum dose must be between 1 and 600 minutes"),
                 })
            (await Should.ThrowAsync<TrialRefusedException>(() => Trials(app, t => t.SetPlanAsync(draft.Id, bad, Evaluator, CancellationToken.None))))
                .Message.ShouldContain(reason);
        (await Trials(app, t => t.GetAsync(draft.Id, CancellationToken.None)))!.Sha256.ShouldBe(planned.Sha256);

        (await Trials(app, t => t.GetSealedPlanAsync(draft.Id, CancellationToken.None))).ShouldBeNull(); // a draft has no sealed plan
        var sealedTrial = await Trials(app, t => t.SealAsync(draft.Id, Evaluator, CancellationToken.None));
        sealedTrial.Sha256.ShouldBe(planned.Sha256);
        var seal = await Trials(app, t => t.GetSealedPlanAsync(draft.Id, CancellationToken.None));
        seal.ShouldNotBeNull();
        seal.Verified.ShouldBeTrue();
        seal.Sha256.ShouldBe(planned.Sha256);
        seal.Plan.CrimeTypes.ShouldBe(TrialPlans.Harm.CrimeTypes);
        (seal.Plan with { CrimeTypes = TrialPlans.Harm.CrimeTypes }).ShouldBe(TrialPlans.Harm);
        Sha256(await Trials(app, t => t.ExportScheduleAsync(draft.Id, Evaluator, CancellationToken.None))).ShouldBe(seal.Sha256);

        // After sealing the plan cannot change: refused, audited, nothing changed.
        var refusedBefore = (await AuditAsync(app, "trial.refused")).Count;
        var error = await Should.ThrowAsync<TrialRefusedException>(() =>
            Trials(app, t => t.SetPlanAsync(draft.Id, TrialPlans.Harm with { Alpha = 0.1 }, Evaluator, CancellationToken.None)));
        error.Message.ShouldContain("The analysis plan was sealed with the schedule");
        var refused = await AuditAsync(app, "trial.refused");
        refused.Count.ShouldBe(refusedBefore + 1);
        refused[0].Subject.ShouldContain($"trial {draft.Id}");
        refused[0].Details!.ShouldContain("cannot change");
        (await Trials(app, t => t.GetSealedPlanAsync(draft.Id, CancellationToken.None)))!.Plan.Alpha.ShouldBe(0.05);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_evaluator_states_the_plan_on_the_trial_page_and_a_change_after_sealing_is_refused_and_audited(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var app = new HotSpotsApp(database);
        var today = app.Service<ForceOptions>().PoliceDay(DateTime.UtcNow);
        var draft = await Trials(app, t => t.CreateAsync(new TrialRequest("Plan page", TrialDesign.FixedArms, 0.5, today.AddDays(30), 10, 2, 7, null),
            Evaluator, CancellationToken.None));
        var evaluator = await SignedInClient.SignInAsync(app, Evaluator);
        var url = $"/Trials/Details/{draft.Id}";
        var page = await evaluator.GetStringAsync(url);
        page.ShouldContain("No plan is stated yet");
        page.ShouldContain("id=\"plan-form\"");
        var token = SignedInClient.FormToken(page);

        FormUrlEncodedContent Plan(string alpha, string buffer = "150", string types = "Violence and sexual offences\nRobbery") => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Plan.Outcome"] = "Crimes", ["Plan.CrimeTypes"] = types, ["Plan.Test"] = "Randomisation",
            ["Plan.Model"] = "PoissonClusterRobust", ["Plan.Sides"] = "OneSidedReduction", ["Plan.Alpha"] = alpha, ["Plan.BufferMetres"] = buffer,
            ["Plan.MinimumDoseMinutes"] = "12",
        });
        async Task<string> PostAsync(string handler, HttpContent content)
        {
            var response = await evaluator.PostAsync($"{url}?handler={handler}", content);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, app.Errors.Summary());
            return await response.Content.ReadAsStringAsync();
        }

        // Form errors name the field; nothing is stated.
        (await PostAsync("Plan", Plan("abc"))).ShouldContain("Alpha: enter a number such as 0.05.");
        (await PostAsync("Plan", Plan("0.5"))).ShouldContain("Alpha must be above 0 and at most 0.2");
        (await PostAsync("Plan", Plan("0.05", types: " \n "))).ShouldContain("Primary outcome: name at least one crime type.");
        (await PostAsync("Plan", Plan("0.05", buffer: "3000"))).ShouldContain("The displacement buffer must be between 10 and 2,000 metres.");
        (await Trials(app, t => t.GetAsync(draft.Id, CancellationToken.None)))!.Plan.ShouldBeNull();
        // A post without the antiforgery token is rejected.
        var forged = await evaluator.PostAsync($"{url}?handler=Plan", new FormUrlEncodedContent(new Dictionary<string, string> { ["Plan.Alpha"] = "0.05" }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        page = await PostAsync("Plan", Plan("0.01"));
        page.ShouldContain("The analysis plan is stated");
        var stated = (await Trials(app, t => t.GetAsync(draft.Id, CancellationToken.None)))!;
        stated.Plan!.CrimeTypes.ShouldBe(["Violence and sexual offences", "Robbery"]);
        (stated.Plan.Outcome, stated.Plan.Model, stated.Plan.Sides, stated.Plan.Alpha, stated.Plan.MinimumDoseMinutes)
            .ShouldBe((PlannedOutcome.Crimes, PlannedModel.PoissonClusterRobust, PlannedSides.OneSidedReduction, 0.01, 12.0));
        stated.Sha256.ShouldNotBe(draft.Sha256);
        page.ShouldContain(stated.Sha256);
        page.ShouldContain("Poisson with errors clustered by spot");

        page = await PostAsync("Seal", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        page.ShouldContain("The schedule is sealed");
        page.ShouldContain("Sealed with the schedule on");
        page.ShouldContain("The stored record still matches this hash.");
        page.ShouldNotContain("id=\"plan-form\"");
        page.ShouldContain("No police day of the trial has begun yet."); // the flow of place-days, from the first day

        var refusedBefore = (await AuditAsync(app, "trial.refused")).Count;
        page = await PostAsync("Plan", Plan("0.05"));
        page.ShouldContain("Refused: The analysis plan was sealed with the schedule");
        page.ShouldContain("The attempt is recorded in the audit log.");
        var refused = await AuditAsync(app, "trial.refused");
        refused.Count.ShouldBe(refusedBefore + 1);
        (refused[0].Actor, refused[0].Subject).ShouldBe((Evaluator, $"trial {draft.Id} (Plan page)"));
        var after = (await Trials(app, t => t.GetSealedPlanAsync(draft.Id, CancellationToken.None)))!;
        (after.Plan.Alpha, after.Sha256, after.Verified).ShouldBe((0.01, stated.Sha256, true));

        // A sealed trial that has begun shows the flow of its place-days so far (CONSORT-style, item 4).
        var running = await Trials(app, t => t.CreateAsync(new TrialRequest("Running", TrialDesign.FixedArms, 0.5, today, 7, 2, 3, null, TrialPlans.Harm),
            Evaluator, CancellationToken.None));
        await Trials(app, t => t.SealAsync(running.Id, Evaluator, CancellationToken.None));
        var flowPage = await evaluator.GetStringAsync($"/Trials/Details/{running.Id}");
        flowPage.ShouldContain("What happened to the place-days");
        var treated = running.Spots.Count / 2;
        flowPage.ShouldContain($"<tr><th scope=\"row\">Allocated</th><td>{treated}</td><td>{running.Spots.Count - treated}</td></tr>");
        flowPage.ShouldContain("Visited by tasked patrols (contamination)");
        flowPage.ShouldContain("Lost to missing data:");
    }
}

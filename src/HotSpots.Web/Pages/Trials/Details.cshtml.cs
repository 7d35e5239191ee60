using System.ComponentModel.DataAnnotations;
using System.Text;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Trials;

/// <summary>One trial: its design, seed and SHA-256, the spots and their arms, presence in its control spots, seal, and the exports.</summary>
[Authorize(Policy = Policies.Trials)]
public sealed class DetailsModel(ITrials trials, IDashboardModule dashboard) : PageModel
{
    public TrialView Trial { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> TreatedDays { get; private set; } = new Dictionary<string, int>();

    /// <summary>Presence in each control spot on its control days so far: here, and nowhere else while the trial runs.</summary>
    public IReadOnlyList<ControlPresence> Controls { get; private set; } = [];

    /// <summary>Presence by arm in the place-days so far: the location feed, tasked patrols, and both at once.</summary>
    public TrialPresence? Presence { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    /// <summary>What happened to the place-days so far (sealed trials only).</summary>
    public TrialFlow? Flow { get; private set; }

    /// <summary>The sealed plan and whether the stored record still matches its hash; null for a draft.</summary>
    public SealedPlan? Sealed { get; private set; }

    /// <summary>The analysis plan form (a draft only): the stated plan, or a starting point when none is stated yet.</summary>
    [BindProperty] public PlanInput Plan { get; set; } = new();

    public Task<IActionResult> OnPostPlanAsync(long trialId, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return ShowAsync(trialId, "Refused: " + string.Join(" ", ModelState.Where(e => e.Value!.Errors.Count > 0)
                .Select(e => PlanInput.FieldError(e.Key))) + " Nothing was changed.", keepInput: true, cancellationToken);
        return ActAsync(trialId, async () =>
        {
            await trials.SetPlanAsync(trialId, Plan.ToPlan(), Actor, cancellationToken);
            return "The analysis plan is stated: it is written into the schedule, whose SHA-256 has changed. It seals with the schedule.";
        }, cancellationToken, keepInput: true);
    }

    public async Task<IActionResult> OnGetAsync(long trialId, CancellationToken cancellationToken) =>
        await LoadAsync(trialId, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSealAsync(long trialId, CancellationToken cancellationToken) =>
        ActAsync(trialId, async () => { await trials.SealAsync(trialId, Actor, cancellationToken); return "The schedule is sealed. Publish its SHA-256 to pre-register the trial."; }, cancellationToken);

    public Task<IActionResult> OnPostRegenerateAsync(long trialId, long? seed, CancellationToken cancellationToken) =>
        ActAsync(trialId, async () => { await trials.RegenerateAsync(trialId, seed, Actor, cancellationToken); return "A new schedule is generated."; }, cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(long trialId, CancellationToken cancellationToken)
    {
        try
        {
            await trials.DeleteAsync(trialId, Actor, cancellationToken);
            return RedirectToPage("/Trials/Index");
        }
        catch (TrialRefusedException e)
        {
            Error = e.Message;
            return await LoadAsync(trialId, cancellationToken) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnGetScheduleAsync(long trialId, CancellationToken cancellationToken)
    {
        var csv = await trials.ExportScheduleAsync(trialId, Actor, cancellationToken);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv", $"trial-{trialId}-schedule.csv");
    }

    public async Task<IActionResult> OnGetHashAsync(long trialId, CancellationToken cancellationToken)
    {
        if (await trials.GetAsync(trialId, cancellationToken) is not { } trial) return NotFound();
        return File(Encoding.UTF8.GetBytes($"{trial.Sha256}  trial-{trialId}-schedule.csv\n"), "text/plain", $"trial-{trialId}-schedule.sha256");
    }

    public async Task<IActionResult> OnGetOutcomesAsync(long trialId, CancellationToken cancellationToken)
    {
        var csv = await dashboard.TrialOutcomesCsvAsync(trialId, Actor, cancellationToken);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv", $"trial-{trialId}-outcomes.csv");
    }

    public async Task<IActionResult> OnGetPresenceAsync(long trialId, CancellationToken cancellationToken)
    {
        if (await trials.GetAsync(trialId, cancellationToken) is null) return NotFound();
        var csv = await dashboard.TrialPresenceCsvAsync(trialId, Actor, cancellationToken);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv", $"trial-{trialId}-presence.csv");
    }

    private string Actor => User.SignInName();

    private async Task<IActionResult> ActAsync(long trialId, Func<Task<string>> action, CancellationToken cancellationToken, bool keepInput = false)
    {
        try
        {
            Message = await action();
            keepInput = false;
        }
        catch (TrialRefusedException e)
        {
            Error = $"Refused: {e.Message} The attempt is recorded in the audit log.";
        }
        return await LoadAsync(trialId, cancellationToken, keepInput) ? Page() : NotFound();
    }

    private async Task<IActionResult> ShowAsync(long trialId, string error, bool keepInput, CancellationToken cancellationToken)
    {
        Error = error;
        return await LoadAsync(trialId, cancellationToken, keepInput) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long trialId, CancellationToken cancellationToken, bool keepInput = false)
    {
        if (await trials.GetAsync(trialId, cancellationToken) is not { } trial) return false;
        Trial = trial;
        if (!keepInput) Plan = PlanInput.From(trial.Plan, trial.Targets);
        Sealed = trial.Sealed ? await trials.GetSealedPlanAsync(trialId, cancellationToken) : null;
        TreatedDays = (await trials.PlaceDaysAsync(trialId, cancellationToken))
            .Where(p => p.Arm == TrialArm.Treatment).GroupBy(p => p.SpotCode).ToDictionary(g => g.Key, g => g.Count());
        Controls = trial.Sealed ? await dashboard.GetTrialControlsAsync(trialId, cancellationToken) : [];
        Presence = trial.Sealed ? await dashboard.GetTrialPresenceAsync(trialId, cancellationToken) : null;
        Flow = trial.Sealed ? await dashboard.GetTrialFlowAsync(trialId, cancellationToken) : null;
        return true;
    }

    /// <summary>The plan form's fields, as typed.</summary>
    public sealed class PlanInput
    {
        public PlannedOutcome Outcome { get; set; } = PlannedOutcome.Harm;

        /// <summary>One crime type a line (data.police.uk category names).</summary>
        public string CrimeTypes { get; set; } = "";
        public PlannedTest Test { get; set; } = PlannedTest.Randomisation;
        public PlannedModel Model { get; set; } = PlannedModel.NegativeBinomial;
        public PlannedSides Sides { get; set; } = PlannedSides.TwoSided;
        [Required] public double? Alpha { get; set; } = 0.05;
        [Required] public double? BufferMetres { get; set; } = 150;
        [Required] public double? MinimumDoseMinutes { get; set; } = 15;

        public static PlanInput From(AnalysisPlan? plan, DoseTargets targets) => plan is null
            ? new PlanInput { CrimeTypes = string.Join("\n", CrimeCategories.SeriousViolence.Order(StringComparer.Ordinal)), MinimumDoseMinutes = targets.MinutesPerVisit }
            : new PlanInput
            {
                Outcome = plan.Outcome, CrimeTypes = string.Join("\n", plan.CrimeTypes), Test = plan.Test, Model = plan.Model, Sides = plan.Sides,
                Alpha = plan.Alpha, BufferMetres = plan.DisplacementBufferMetres, MinimumDoseMinutes = plan.MinimumDoseMinutes,
            };

        public AnalysisPlan ToPlan() => new(Outcome,
            (CrimeTypes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            Test, Model, Sides, Alpha!.Value, BufferMetres!.Value, MinimumDoseMinutes!.Value);

        /// <summary>What a field that could not be read needs, in plain words.</summary>
        public static string FieldError(string key) => key switch
        {
            "Plan.Alpha" => "Alpha: enter a number such as 0.05.",
            "Plan.BufferMetres" => "Displacement buffer: enter a number of metres such as 150.",
            "Plan.MinimumDoseMinutes" => "Minimum dose: enter a number of minutes such as 15.",
            "Plan.Outcome" => "Primary outcome: choose crimes or harm.",
            "Plan.CrimeTypes" => "Primary outcome: name at least one crime type.",
            "Plan.Test" => "Test: choose a test.",
            "Plan.Model" => "Model: choose a model.",
            "Plan.Sides" => "Sides: choose one- or two-sided.",
            _ => $"{key}: not valid.",
        };
    }
}

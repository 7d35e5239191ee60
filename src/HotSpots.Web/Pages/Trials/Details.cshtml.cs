using System.Text;
using HotSpots.Modules.Dashboard.Contracts;
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

    private async Task<IActionResult> ActAsync(long trialId, Func<Task<string>> action, CancellationToken cancellationToken)
    {
        try
        {
            Message = await action();
        }
        catch (TrialRefusedException e)
        {
            Error = $"Refused: {e.Message} The attempt is recorded in the audit log.";
        }
        return await LoadAsync(trialId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long trialId, CancellationToken cancellationToken)
    {
        if (await trials.GetAsync(trialId, cancellationToken) is not { } trial) return false;
        Trial = trial;
        TreatedDays = (await trials.PlaceDaysAsync(trialId, cancellationToken))
            .Where(p => p.Arm == TrialArm.Treatment).GroupBy(p => p.SpotCode).ToDictionary(g => g.Key, g => g.Count());
        Controls = trial.Sealed ? await dashboard.GetTrialControlsAsync(trialId, cancellationToken) : [];
        Presence = trial.Sealed ? await dashboard.GetTrialPresenceAsync(trialId, cancellationToken) : null;
        return true;
    }
}

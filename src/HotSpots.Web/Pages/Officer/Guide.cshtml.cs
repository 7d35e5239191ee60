using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Officer;

/// <summary>
/// The short guide an officer gets on first sign-in, a screen at a time: what a hot spot is, why the pick is random, the
/// dose the force asks for, how tracking works and when it stops, and what is kept. Opened again from the menu.
/// </summary>
[Authorize(Policy = Policies.Patrol)]
public sealed class GuideModel(IFirstUse firstUse, ITaskingModule tasking, IPatrolPolicySettings policies) : PageModel
{
    public const int Steps = 5;

    public int Step { get; private set; } = 1;
    public DoseTargets Dose { get; private set; } = DoseTargets.Default;
    public double RetentionDays { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? step, CancellationToken cancellationToken)
    {
        if (step is < 1 or > Steps) return RedirectToPage(new { step = 1 });
        Step = step ?? 1;
        Dose = await tasking.GetDoseTargetsAsync(cancellationToken);
        RetentionDays = (await policies.GetPolicyAsync(cancellationToken)).PingRetentionDays;
        return Page();
    }

    /// <summary>Done, or skipped: the guide is not shown again by itself (the menu still opens it).</summary>
    public async Task<IActionResult> OnPostDoneAsync(CancellationToken cancellationToken)
    {
        await firstUse.MarkGuideSeenAsync(User.UserId(), cancellationToken);
        return Redirect("/Officer");
    }
}

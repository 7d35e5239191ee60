using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Settings;

/// <summary>The force's dose targets (a running trial uses its own, fixed when it was sealed).</summary>
[Authorize(Policy = Policies.DoseTargets)]
public sealed class DoseModel(ITaskingModule tasking) : PageModel, IShowsValidationErrors
{
    [BindProperty] public double MinutesPerVisit { get; set; }
    [BindProperty] public int VisitsPerDay { get; set; }
    [BindProperty] public double DailyCapMinutes { get; set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var targets = await tasking.GetDoseTargetsAsync(cancellationToken);
        (MinutesPerVisit, VisitsPerDay, DailyCapMinutes) = (targets.MinutesPerVisit, targets.VisitsPerDay, targets.DailyCapMinutes);
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        await tasking.SetDoseTargetsAsync(new DoseTargets(MinutesPerVisit, VisitsPerDay, DailyCapMinutes), User.SignInName(), cancellationToken);
        Message = "The dose targets are saved.";
    }

    public Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        return Task.FromResult<IActionResult>(Page());
    }
}

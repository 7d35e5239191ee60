using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Supervisor;

/// <summary>Today's tasked spots with their dose, assignments to teams and shifts, and who is on patrol where.</summary>
[Authorize(Policy = Policies.Supervise)]
public sealed class IndexModel(ITaskingModule tasking, IWorkforce workforce, IPatrolSupervision patrols, ForceOptions force) : PageModel, IShowsValidationErrors
{
    public TaskingDay Day { get; private set; } = null!;
    public IReadOnlyList<TeamView> Teams { get; private set; } = [];
    public IReadOnlyList<LivePatrol> Running { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public string Local(DateTime? utc) => utc is { } u ? force.UtcToLocal(u).ToString("HH:mm") : "–";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(long hotspotId, long teamId, string shift, CancellationToken cancellationToken)
    {
        var assignment = await tasking.AssignAsync(hotspotId, teamId, shift, User.SignInName(), cancellationToken);
        Message = $"{assignment.HotspotName} is assigned to {assignment.TeamName} for the {assignment.Shift} shift.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long assignmentId, CancellationToken cancellationToken)
    {
        await tasking.RemoveAssignmentAsync(assignmentId, User.SignInName(), cancellationToken);
        Message = "The assignment is removed.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Day = await tasking.TodayAsync(cancellationToken);
        Teams = (await workforce.ListTeamsAsync(cancellationToken)).Where(t => !t.Retired).ToList();
        Running = await patrols.ListRunningAsync(cancellationToken);
    }
}

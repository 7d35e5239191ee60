using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Admin;

/// <summary>The force's teams with their supervisors and officers: create, rename, retire. Every change is audited (by Workforce).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class TeamsModel(IWorkforce workforce, IWorkforceAdministration administration) : PageModel, IShowsValidationErrors
{
    public IReadOnlyList<TeamView> Teams { get; private set; } = [];
    public ILookup<long?, OfficerView> Members { get; private set; } = Array.Empty<OfficerView>().ToLookup(o => o.TeamId);
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken cancellationToken)
    {
        var before = (await workforce.ListTeamsAsync(cancellationToken)).Count;
        var team = await administration.CreateTeamAsync(name ?? "", User.SignInName(), cancellationToken);
        var after = (await workforce.ListTeamsAsync(cancellationToken)).Count;
        Message = after > before ? $"Team {team.Name} is created." : $"There is already a team {team.Name}.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(long teamId, string? name, CancellationToken cancellationToken)
    {
        var team = await administration.RenameTeamAsync(teamId, name ?? "", User.SignInName(), cancellationToken);
        Message = $"The team is now called {team.Name}.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRetireAsync(long teamId, CancellationToken cancellationToken)
    {
        await administration.RetireTeamAsync(teamId, User.SignInName(), cancellationToken);
        var team = (await workforce.ListTeamsAsync(cancellationToken)).Single(t => t.Id == teamId);
        Message = $"Team {team.Name} is retired. Its history stays; it takes no new members or assignments.";
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
        Teams = (await workforce.ListTeamsAsync(cancellationToken)).OrderBy(t => t.Retired).ToList();
        Members = (await workforce.ListOfficersAsync(cancellationToken)).ToLookup(o => o.TeamId);
    }
}

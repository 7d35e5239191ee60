using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Admin.Users;

/// <summary>
/// Adds a person: their account (no password), roles, and optionally name, team and collar number, and shows the one-time
/// link with which they set their password. The link is shown on this answer only; it is not kept anywhere.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AddModel(InvitationSettings settings) : PageModel, IShowsValidationErrors
{
    private IUserAdministration Administration => HttpContext.RequestServices.GetRequiredService<IUserAdministration>();

    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public long? TeamId { get; set; }
    [BindProperty] public string? Collar { get; set; }

    public IReadOnlyList<TeamView> Teams { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Link { get; private set; }
    public string? InvitedEmail { get; private set; }
    public DateTime ValidUntilUtc { get; private set; }
    public double Hours => settings.InvitationHours;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Teams = await Administration.TeamsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Teams = await Administration.TeamsAsync(cancellationToken);
        if (TeamId is { } id && Teams.All(t => t.Id != id)) return await ShowValidationErrorAsync("That team does not exist any more: choose another.", cancellationToken);
        try
        {
            var invitation = await Administration.AddAsync(new NewAccount(Email, Roles, Name, TeamId, Collar), User.SignInName(), cancellationToken);
            InvitedEmail = invitation.Email;
            ValidUntilUtc = invitation.ValidUntilUtc;
            Link = invitation.Link(settings.PublicAddress ?? new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}"));
            // The link is a secret: never kept by a browser's or a proxy's cache.
            Response.Headers.CacheControl = "no-store";
            (Email, Roles, Name, TeamId, Collar) = ("", [], null, null, null);
            ModelState.Clear();
        }
        catch (AccountException e)
        {
            Error = e.Message;
        }
        return Page();
    }

    public Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        return Task.FromResult<IActionResult>(Page());
    }
}

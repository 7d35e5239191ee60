using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Dashboard;

/// <summary>A person's offending history, shown only after the viewer gives a reason; the view is audited.</summary>
[Authorize(Policy = Policies.People)]
public sealed class PersonModel(IDashboardModule dashboard) : PageModel, IShowsValidationErrors
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public string? Justification { get; set; }

    public PersonHistory? History { get; private set; }
    public string? Error { get; private set; }

    public IActionResult OnGet() => string.IsNullOrWhiteSpace(Id) ? RedirectToPage("People") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 64) return BadRequest("Which person? Give their pseudonym (at most 64 characters).");
        History = await dashboard.OpenPersonAsync(Id, User.SignInName(), Justification, cancellationToken);
        return Page();
    }

    /// <summary>Refused, for one: without a justification (<see cref="JustificationRequiredException"/>).</summary>
    public Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        return Task.FromResult<IActionResult>(Page());
    }
}

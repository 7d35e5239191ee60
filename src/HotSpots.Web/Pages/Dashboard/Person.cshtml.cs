using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Dashboard;

/// <summary>A person's offending history, shown only after the viewer gives a reason; the view is audited.</summary>
[Authorize(Policy = Policies.People)]
public sealed class PersonModel(IDashboardModule dashboard) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public string? Justification { get; set; }

    public PersonHistory? History { get; private set; }
    public string? Error { get; private set; }

    public IActionResult OnGet() => string.IsNullOrWhiteSpace(Id) ? RedirectToPage("People") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 64) return BadRequest("Which person? Give their pseudonym (at most 64 characters).");
        try
        {
            History = await dashboard.OpenPersonAsync(Id, User.SignInName(), Justification, cancellationToken);
        }
        catch (JustificationRequiredException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}

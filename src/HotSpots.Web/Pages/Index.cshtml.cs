using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages;

/// <summary>The start page: officers go straight to their home screen, others see what their role opens.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsInRole(Roles.Officer) ? Redirect("/Officer") : Page();
}

using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages;

/// <summary>The start page: officers go straight to their home screen, others see what their role opens.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(HotSpots.Platform.ForceOptions force) : PageModel
{
    /// <summary>Officers go to their home screen; an administrator of a force not yet set up goes to the set-up page.</summary>
    public IActionResult OnGet() =>
        User.IsInRole(Roles.Admin) && !force.IsSetUp ? Redirect("/Admin/SetUp")
        : User.IsInRole(Roles.Officer) ? Redirect("/Officer")
        : Page();
}

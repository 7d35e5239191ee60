using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Admin.Users;

/// <summary>The people who may sign in: search by email or name, a page at a time, with roles, team, last sign-in and state.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel : PageModel
{
    private IUserAdministration Administration => HttpContext.RequestServices.GetRequiredService<IUserAdministration>();

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    /// <summary>The page of results, from 1 ("p": "page" names the Razor page itself in route values).</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    internal UserPage Result { get; private set; } = new([], 0, 1, 1);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await Administration.ListAsync(Search, PageNumber, cancellationToken);
}

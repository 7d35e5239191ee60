using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages;

/// <summary>The words HotSpots uses, in plain English, for everyone signed in.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class GlossaryModel : PageModel
{
    public void OnGet()
    {
    }
}

using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Dashboard;

/// <summary>The pseudonymised people linked to crimes in each hot spot. Opening one needs a justification (see Person).</summary>
[Authorize(Policy = Policies.People)]
public sealed class PeopleModel(IDashboardModule dashboard) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Months { get; set; } = 12;

    public PeopleInSpots? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await dashboard.GetPeopleInSpotsAsync(Months is >= 1 and <= 60 ? Months : 12, cancellationToken);
}

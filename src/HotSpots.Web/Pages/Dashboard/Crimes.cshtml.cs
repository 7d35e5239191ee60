using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Dashboard;

/// <summary>Crimes: which, where, when; filtered by dates, area, type and hot spot.</summary>
[Authorize(Policy = Policies.Dashboard)]
public sealed class CrimesModel(IDashboardModule dashboard, TrialSights sights) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public long? Spot { get; set; }

    public CrimeExplorer? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await dashboard.GetCrimesAsync(new CrimeFilter(From, To, Area, Category, Spot), await sights.ForAsync(User), cancellationToken);
}

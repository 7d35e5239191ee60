using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Dashboard;

/// <summary>Impact: treatment against control, before against after, with intervals, and displacement.</summary>
[Authorize(Policy = Policies.Evaluate)]
public sealed class ImpactModel(IDashboardModule dashboard, TrialSights sights) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    [BindProperty(SupportsGet = true)] public int Window { get; set; } = 56;
    [BindProperty(SupportsGet = true)] public string Outcome { get; set; } = "serious";
    [BindProperty(SupportsGet = true)] public double Buffer { get; set; } = 200;

    public ImpactReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Report = await dashboard.GetImpactAsync(new ImpactRequest(Day, Window, Outcome != "all", Buffer), await sights.ForAsync(User), cancellationToken);
}

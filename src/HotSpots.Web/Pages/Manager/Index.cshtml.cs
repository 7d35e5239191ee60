using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Manager;

/// <summary>The manager dashboard: crime trend chart, top hot spots, today's patrol minutes, the leaderboard.</summary>
[Authorize(Policy = Policies.Dashboard)]
public sealed class IndexModel(IDashboardModule dashboard, TrialSights sights, ForceOptions force) : PageModel
{
    public ManagerDashboard? Dashboard { get; private set; }

    public string Local(DateTime utc) => force.UtcToLocal(utc).ToString("ddd d MMM HH:mm");

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Dashboard = await dashboard.GetManagerDashboardAsync(await sights.ForAsync(User), cancellationToken);
}

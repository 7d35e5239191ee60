using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Dashboard;

/// <summary>Officers and teams by minutes in hot spots, Koper visits and activity.</summary>
[Authorize(Policy = Policies.Dashboard)]
public sealed class LeaderboardsModel(IDashboardModule dashboard) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Period { get; set; } = "week";

    public Leaderboards? Boards { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Boards = await dashboard.GetLeaderboardsAsync(Period == "month" ? LeaderboardPeriod.Month : LeaderboardPeriod.Week,
            User.UserId(), cancellationToken);
}

using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Dashboard;

/// <summary>The dashboard's run-time settings: whether managers see people, initials on leaderboards, and whether officers see their place in their team. Administrators only; audited.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class SettingsModel(IDashboardModule dashboard) : PageModel
{
    [BindProperty] public bool ManagersSeePeople { get; set; }
    [BindProperty] public bool InitialsOutsideTeam { get; set; }
    [BindProperty] public bool OfficersSeeTheirPlace { get; set; }
    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var s = await dashboard.GetSettingsAsync(cancellationToken);
        (ManagersSeePeople, InitialsOutsideTeam, OfficersSeeTheirPlace) = (s.ManagersSeePeople, s.InitialsOutsideTeam, s.OfficersSeeTheirPlace);
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        await dashboard.SetSettingsAsync(new DashboardSettings(ManagersSeePeople, InitialsOutsideTeam, OfficersSeeTheirPlace), User.SignInName(), cancellationToken);
        Saved = true;
    }
}

using System.Globalization;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Supervisor;

/// <summary>A supervisor's team patrols (teams come from Workforce); each links to its track, whose viewing is audited.</summary>
[Authorize(Policy = Policies.Supervise)]
public sealed class TracksModel(IPatrolSupervision patrols, IWorkforce workforce, ForceOptions force, TimeProvider clock) : PageModel
{
    public const int Days = 14;

    /// <summary>Null when the supervisor is in no team.</summary>
    public IReadOnlyList<TeamPatrol>? Patrols { get; private set; }

    public string Local(DateTime utc) => force.UtcToLocal(utc).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.UserId();
        if ((await workforce.FindOfficerAsync(me, cancellationToken))?.TeamId is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        Patrols = await patrols.ListTeamPatrolsAsync(me, now.AddDays(-Days), now.AddMinutes(1), cancellationToken);
    }
}

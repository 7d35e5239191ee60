using System.Globalization;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Officer;

/// <summary>"My patrols": the signed-in officer's own patrols, newest first, each linking to its track.</summary>
[Authorize(Policy = Policies.Patrol)]
public sealed class PatrolsModel(IOfficerPatrols patrols, IPatrolPolicySettings policies, ForceOptions force) : PageModel
{
    public IReadOnlyList<PatrolView> Patrols { get; private set; } = [];
    public PatrolPolicy? Policy { get; private set; }

    public string Local(DateTime utc) => force.UtcToLocal(utc).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Patrols = await patrols.ListOwnPatrolsAsync(User.UserId(), 100, cancellationToken);
        Policy = await policies.GetPolicyAsync(cancellationToken);
    }
}

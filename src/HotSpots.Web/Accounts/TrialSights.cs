using System.Security.Claims;
using HotSpots.Modules.Dashboard.Contracts;
using Microsoft.AspNetCore.Authorization;

namespace HotSpots.Web.Accounts;

/// <summary>
/// What a signed-in person sees of a running sealed trial (docs/security.md, "What each role sees"), from the policies that
/// already say who does what: those the Trials policy admits evaluate and see each spot's arm; those the Patrol policy admits
/// task and patrol, and see only today's treatment spots; everyone else sees the arms in totals. A person with roles of more
/// than one kind gets the first that applies: an evaluator who also patrols sees the arms.
/// </summary>
public sealed class TrialSights(IAuthorizationService authorization)
{
    public async Task<TrialSight> ForAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Trials)).Succeeded ? TrialSight.BySpot
        : (await authorization.AuthorizeAsync(user, Policies.Patrol)).Succeeded ? TrialSight.TreatedToday
        : TrialSight.Totals;
}

using HotSpots.Platform;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HotSpots.Modules.Workforce.Contracts;

namespace HotSpots.Web.Pages.Officer;

/// <summary>The officer's home screen: hot spots near the phone, on a list and a map, and "Direct me".</summary>
[Authorize(Policy = Policies.Patrol)]
public sealed class IndexModel(IHotspotSnapshot hotspots, ForceOptions force, IFirstUse firstUse) : PageModel
{
    public bool HasPublishedSet => hotspots.Current.Set is not null;

    public string TileUrl => force.TileUrl;

    public string TileAttribution => force.TileAttribution;

    /// <summary>On a first sign-in, the short guide comes first.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await firstUse.HasSeenGuideAsync(User.UserId(), cancellationToken) ? Page() : Redirect("/Officer/Guide");
}

using HotSpots.Platform;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Officer;

/// <summary>The officer's home screen: hot spots near the phone, on a list and a map, and "Direct me".</summary>
[Authorize(Policy = Policies.Patrol)]
public sealed class IndexModel(IHotspotSnapshot hotspots, ForceOptions force) : PageModel
{
    public bool HasPublishedSet => hotspots.Current.Set is not null;

    public string TileUrl => force.TileUrl;

    public string TileAttribution => force.TileAttribution;

    public void OnGet()
    {
    }
}

using System.Globalization;
using System.Text.Json;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Officer;

/// <summary>One patrol's track: the officer's own, or (audited, by the Patrols module) a team member's for their supervisor.</summary>
[Authorize(Policy = Policies.Patrol)]
public sealed class PatrolTrackModel(IPatrolSupervision patrols, ForceOptions force) : PageModel
{
    public PatrolTrack? Track { get; private set; }
    public bool Own { get; private set; }
    public string TileUrl => force.TileUrl;
    public string TileAttribution => force.TileAttribution;
    public string OutlineJson => JsonSerializer.Serialize(Track!.Outline.Select(p => new[] { p.Latitude, p.Longitude }));
    public string TrackJson => JsonSerializer.Serialize(Track!.Positions.Select(p => new[] { Math.Round(p.Latitude, 6), Math.Round(p.Longitude, 6) }));
    public string StopsJson => JsonSerializer.Serialize(Track!.Stops.Select(s => new[] { Math.Round(s.Latitude, 6), Math.Round(s.Longitude, 6), Math.Round(s.Minutes, 1) }));

    public string EndText => Track!.Patrol.EndReason switch
    {
        "automatic" => "ended automatically after the longest patrol allowed",
        "replaced" => "a new patrol was started",
        _ => "ended by the officer",
    };

    public string Local(DateTime utc) => force.UtcToLocal(utc).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    public string Time(DateTime utc) => force.UtcToLocal(utc).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(long patrolId, CancellationToken cancellationToken)
    {
        var viewer = new TrackViewer(User.UserId(), User.SignInName(), User.IsInRole(Roles.Supervisor));
        try
        {
            Track = await patrols.GetTrackAsync(patrolId, viewer, cancellationToken);
        }
        catch (PatrolNotFoundException)
        {
            return NotFound();
        }
        catch (TrackAccessDeniedException)
        {
            // As for a missing patrol: the answer does not tell that another officer's patrol exists.
            return NotFound();
        }
        Own = Track.Patrol.OfficerId == viewer.UserId;
        return Page();
    }
}

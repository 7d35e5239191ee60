using HotSpots.Platform;
using System.Text.Json;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Officer;

/// <summary>A running patrol: timer, inside or not, minutes in the spot, what waits to be sent, activity log, End patrol; the summary once ended.</summary>
[Authorize(Policy = Policies.Patrol)]
public sealed class PatrolModel(IOfficerPatrols patrols, IPatrolPolicySettings policies, IHotspotModule hotspots, PingTiming timing, ForceOptions force) : PageModel
{
    public PatrolView? Patrol { get; private set; }
    public string OutlineJson { get; private set; } = "[]";

    /// <summary>How often the phone sends its position (the Patrols module's settings).</summary>
    public PingTiming Timing => timing;

    /// <summary>The force's map tiles (empty: the map draws the spot on a plain background).</summary>
    public string TileUrl => force.TileUrl;
    public string TileAttribution => force.TileAttribution;

    /// <summary>The force's activity kinds (set-up page), one button each.</summary>
    public IReadOnlyList<string> ActivityKinds => force.Values.ActivityKinds;

    /// <summary>Seconds an activity may be undone after it is logged (the server decides; the phone counts down).</summary>
    public double UndoSeconds => ActivityUndo.Window.TotalSeconds;

    public double MaxPatrolMinutes { get; private set; }
    public double RetentionDays { get; private set; }

    public async Task<IActionResult> OnGetAsync(long patrolId, CancellationToken cancellationToken)
    {
        Patrol = await patrols.GetAsync(patrolId, User.UserId(), cancellationToken);
        if (Patrol is null) return NotFound();
        if (await hotspots.GetHotspotAsync(Patrol.HotspotId, cancellationToken) is { } spot)
            OutlineJson = JsonSerializer.Serialize(spot.Spot.Outline.Select(p => new[] { p.Latitude, p.Longitude }));
        var policy = await policies.GetPolicyAsync(cancellationToken);
        MaxPatrolMinutes = policy.MaxPatrolMinutes;
        RetentionDays = policy.PingRetentionDays;
        return Page();
    }
}

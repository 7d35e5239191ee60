using System.Text.Json;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Web.Accounts;
using HotSpots.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Officer;

/// <summary>A running patrol: timer, inside or not, minutes in the spot, what waits to be sent, activity log, End patrol; the summary once ended.</summary>
[Authorize(Policy = Policies.Patrol)]
public sealed class PatrolModel(IOfficerPatrols patrols, IPatrolPolicySettings policies, IHotspotModule hotspots, IConfiguration configuration) : PageModel
{
    public PatrolView? Patrol { get; private set; }
    public string OutlineJson { get; private set; } = "[]";

    /// <summary>Seconds between pings in or near the spot (precise positions).</summary>
    public double PingSeconds => configuration.GetValue("Patrols:PingSeconds", 10.0);

    /// <summary>Seconds between pings further away (coarse positions, to save battery).</summary>
    public double FarPingSeconds => configuration.GetValue("Patrols:FarPingSeconds", 60.0);

    /// <summary>Within this distance of the spot the phone measures precisely and often.</summary>
    public double NearMetres => configuration.GetValue("Patrols:NearMetres", 200.0);

    public double MaxPatrolMinutes { get; private set; }
    public double RetentionDays { get; private set; }

    public async Task<IActionResult> OnGetAsync(long patrolId, CancellationToken cancellationToken)
    {
        Patrol = await patrols.GetAsync(patrolId, OfficerApi.OfficerId(User), cancellationToken);
        if (Patrol is null) return NotFound();
        if (await hotspots.GetHotspotAsync(Patrol.HotspotId, cancellationToken) is { } spot)
            OutlineJson = JsonSerializer.Serialize(spot.Spot.Outline.Select(p => new[] { p.Latitude, p.Longitude }));
        var policy = await policies.GetPolicyAsync(cancellationToken);
        MaxPatrolMinutes = policy.MaxPatrolMinutes;
        RetentionDays = policy.PingRetentionDays;
        return Page();
    }
}

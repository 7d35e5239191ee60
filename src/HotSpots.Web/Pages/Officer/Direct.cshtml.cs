using HotSpots.Platform;
using System.Globalization;
using System.Text.Json;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform.Geography;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Officer;

/// <summary>
/// "Direct me": a randomised pick among the nearest spots, why it is hot, the briefing, Navigate and Start patrol; or
/// the same for a spot the officer tapped on the list (<c>?spot=ID</c>, with the phone's position), when it may be offered.
/// </summary>
[Authorize(Policy = Policies.Patrol)]
public sealed class DirectModel(ITaskingModule tasking, IOfficerPatrols patrols, ForceOptions force) : PageModel
{
    public Direction? Direction { get; private set; }

    /// <summary>True when the officer chose the spot from the list rather than being directed to it.</summary>
    public bool Chosen { get; private set; }
    public string? Problem { get; private set; }
    public string ProblemTitle { get; private set; } = "No hot spot to send you to";
    public string NavigateUrl { get; private set; } = "";
    public string TileUrl => force.TileUrl;
    public string TileAttribution => force.TileAttribution;

    public string DistanceText => Direction is null ? "" :
        double.IsNaN(Direction.DistanceMetres) ? "distance not known yet" :
        Direction.DistanceMetres < 1 ? "you are in it" :
        Direction.DistanceMetres < 1000 ? $"{Direction.DistanceMetres:0} m away" : $"{Direction.DistanceMetres / 1000:0.0} km away";

    public string NeedText => Direction is null ? "" :
        (Direction.Need.OwedMinutes > 0 ? $"{Direction.Need.OwedMinutes:0} minutes of patrol still owed today" : "Today's target is met: a visit still helps")
        + (Direction.Need.PeakNow ? " · violence peaks at this hour" : "")
        + (Direction.Need.LastVisitUtc is null ? " · not visited yet today" : "");

    public string OutlineJson => Direction is null ? "[]" :
        JsonSerializer.Serialize(Direction.Spot.Outline.Select(p => new[] { p.Latitude, p.Longitude }));

    public string PeakText => Direction is null ? "" :
        string.Join(", ", Direction.Spot.Why.PeakDays.Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(d)))
        + (Direction.Spot.Why.PeakDays.Count > 0 ? ", " : "")
        + string.Join(", ", Direction.Spot.Why.PeakHours.Select(h => $"{h:00}:00–{(h + 1) % 24:00}:00"));

    public async Task<IActionResult> OnGetAsync(long? directionId, long? spot, double? lat, double? lon, CancellationToken cancellationToken)
    {
        if (directionId is null && spot is not null)
        {
            GeoPoint? here = lat is { } la && lon is { } lo && new GeoPoint(la, lo).IsValid ? new GeoPoint(la, lo) : null;
            var chosen = await tasking.ChosenSpotAsync(User.UserId(), spot.Value, here, cancellationToken);
            if (chosen is null)
            {
                ProblemTitle = "This spot cannot be offered to you now";
                Problem = "It is not on today's list: it may have had its patrol dose today, or the hot spots have been updated. Choose another from your home screen.";
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
            }
            Chosen = true;
            Direction = new Direction(0, chosen.Spot, chosen.DistanceMetres, 1, chosen.Need, chosen.AssignedToYourTeam);
            NavigateUrl = NavigateLink.For(Request.Headers.UserAgent, Direction.Spot.Centre, Direction.Spot.Name);
            return Page();
        }
        if (directionId is null) return Redirect("/Officer");
        Direction = await tasking.GetDirectionAsync(directionId.Value, User.UserId(), cancellationToken);
        if (Direction is null)
        {
            Problem = "That direction is no longer current: the hot spots have been updated, or the spot has had its dose today. Ask again from your home screen.";
            return Page();
        }
        NavigateUrl = NavigateLink.For(Request.Headers.UserAgent, Direction.Spot.Centre, Direction.Spot.Name);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(double? lat, double? lon, CancellationToken cancellationToken)
    {
        if (lat is null || lon is null || !new GeoPoint(lat.Value, lon.Value).IsValid)
        {
            Problem = "Your phone's location is not known yet. Allow location for HotSpots and try again.";
            return Page();
        }
        var direction = await tasking.DirectMeAsync(User.UserId(), new GeoPoint(lat.Value, lon.Value), cancellationToken);
        if (direction is null)
        {
            Problem = "No spot can be offered to you now: none is published, or every spot has had its patrol dose today.";
            return Page();
        }
        return RedirectToPage(new { directionId = direction.Id });
    }

    public async Task<IActionResult> OnPostStartAsync(long hotspotId, CancellationToken cancellationToken)
    {
        try
        {
            var patrol = await patrols.StartAsync(User.UserId(), hotspotId, cancellationToken);
            return RedirectToPage("/Officer/Patrol", new { patrolId = patrol.Id });
        }
        catch (PatrolRefusedException refused)
        {
            ProblemTitle = "This patrol cannot start";
            Problem = refused.Message;
            return Page();
        }
    }
}

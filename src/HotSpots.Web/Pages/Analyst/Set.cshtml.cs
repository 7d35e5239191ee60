using System.Globalization;
using System.Text.Json;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Analyst;

/// <summary>
/// Review of one set on a map: its spots (new or persisting against the set it would replace), the spots it drops,
/// the density surface and the exclusions; briefings edited per spot; publish.
/// </summary>
[Authorize(Policy = Policies.Analyse)]
public sealed class SetModel(IHotspotModule hotspots, IHotspotReview review, ForceOptions force) : PageModel, IShowsValidationErrors
{
    public HotspotSetReview? Review { get; private set; }
    public IReadOnlyList<ExclusionView> Exclusions { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public string TileUrl => force.TileUrl;
    public string TileAttribution => force.TileAttribution;

    public string Local(DateTime utc) => force.UtcToLocal(utc).ToString("d MMM yyyy HH:mm");

    public async Task<IActionResult> OnGetAsync(long setId, CancellationToken cancellationToken) =>
        await LoadAsync(setId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostBriefingAsync(long setId, long hotspotId, string? briefing, CancellationToken cancellationToken)
    {
        try
        {
            await review.UpdateBriefingAsync(hotspotId, briefing ?? "", User.SignInName(), cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            return await ShowErrorAsync(setId, e.Message, cancellationToken);
        }
        Message = "Briefing saved.";
        return Redirect($"/Analyst/Set/{setId}#spot-{hotspotId}");
    }

    /// <summary>Excludes or keeps a spot at a place no patrol can treat: one click.</summary>
    public async Task<IActionResult> OnPostPlaceAsync(long setId, long hotspotId, PlaceDecision decision, string? note, CancellationToken cancellationToken)
    {
        try
        {
            await review.DecidePlaceAsync(hotspotId, decision, note, User.SignInName(), cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            return await ShowErrorAsync(setId, e.Message, cancellationToken);
        }
        Message = decision == PlaceDecision.Excluded
            ? "Spot excluded: it is no longer part of this set, and its place is an exclusion for later refreshes."
            : "Spot kept: it stays in this set.";
        return Redirect($"/Analyst/Set/{setId}#flag-{hotspotId}");
    }

    public static string Decision(PlaceDecision decision) => decision switch
    {
        PlaceDecision.Excluded => "Excluded",
        PlaceDecision.Kept => "Kept",
        _ => "Awaits a decision",
    };

    public async Task<IActionResult> OnPostPublishAsync(long setId, CancellationToken cancellationToken)
    {
        try
        {
            await hotspots.PublishAsync(setId, User.SignInName(), cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            return await ShowErrorAsync(setId, e.Message, cancellationToken);
        }
        Message = $"Set {setId} is published: officers are directed to its spots from now on.";
        return RedirectToPage(new { setId });
    }

    /// <summary>Everything the map draws, as JSON for analyst-map.js.</summary>
    public string MapJson()
    {
        static double[][] Ring(IEnumerable<HotSpots.Platform.Geography.GeoPoint> points) => points.Select(p => new[] { p.Latitude, p.Longitude }).ToArray();
        var r = Review!;
        return JsonSerializer.Serialize(new
        {
            spots = r.Spots.Select(s => new { id = s.Spot.Id, rank = s.Spot.Rank, name = s.Spot.Name, change = s.Change.ToString().ToLowerInvariant(), outline = Ring(s.Spot.Outline) }),
            dropped = r.Dropped.Select(s => new { name = s.Name, outline = Ring(s.Outline) }),
            density = r.Density.Select(d => new[] { d.SouthWest.Latitude, d.SouthWest.Longitude, d.NorthEast.Latitude, d.NorthEast.Longitude, d.Value }),
            exclusions = Exclusions.Select(e => new { name = e.Name, outline = Ring(e.Outline) }),
        });
    }

    public static string Peak(HotspotWhy why) => why.PeakTimes is { Count: > 0 } times
        ? string.Join(", ", times.Select(t => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(t.Day)} {t.Hour:00}:00 ({t.Count})"))
        : "no times of day in the records";

    public static string Trend(HotspotTrend? trend) => trend switch
    {
        null => "no earlier period held",
        { ChangePercent: { } change } => $"{trend.PreviousCount} → {trend.Count} ({change:+0;−0;0} %)" + Compared(trend),
        _ => $"{trend.PreviousCount} → {trend.Count}" + Compared(trend),
    };

    private static string Compared(HotspotTrend trend) =>
        trend.MonthsCompared is { } months ? $", over the {months} months held in both periods" : "";

    public Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken) =>
        ShowErrorAsync(Convert.ToInt64(RouteData.Values["setId"], CultureInfo.InvariantCulture), message, cancellationToken);

    private async Task<IActionResult> ShowErrorAsync(long setId, string message, CancellationToken cancellationToken)
    {
        Error = message;
        return await LoadAsync(setId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long setId, CancellationToken cancellationToken)
    {
        Review = await review.ReviewAsync(setId, cancellationToken);
        Exclusions = await review.ListExclusionsAsync(cancellationToken);
        return Review is not null;
    }
}

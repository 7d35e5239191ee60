using System.Globalization;
using System.Text.Json;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Analyst;

/// <summary>Places never to make a hot spot of: drawn on the map (or typed), as an area or a point with a radius.</summary>
[Authorize(Policy = Policies.Analyse)]
public sealed class ExclusionsModel(IHotspotReview review, IHotspotSnapshot snapshot, ForceOptions force) : PageModel, IShowsValidationErrors
{
    public IReadOnlyList<ExclusionView> Exclusions { get; private set; } = [];

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string Kind { get; set; } = "point";
    [BindProperty] public string? Corners { get; set; }
    [BindProperty] public double? Latitude { get; set; }
    [BindProperty] public double? Longitude { get; set; }
    [BindProperty] public double? RadiusMetres { get; set; } = 100;

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public string TileUrl => force.TileUrl;
    public string TileAttribution => force.TileAttribution;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Exclusions = await review.ListExclusionsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var exclusion = Kind == "area"
            ? new NewExclusion(Name, Area: ParseCorners(Corners))
            : new NewExclusion(Name, Centre: Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null, RadiusMetres: RadiusMetres);
        var added = await review.AddExclusionAsync(exclusion, User.SignInName(), cancellationToken);
        Message = $"Exclusion \"{added.Name}\" added: the next refresh makes no spot over it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long exclusionId, CancellationToken cancellationToken)
    {
        try
        {
            await review.RemoveExclusionAsync(exclusionId, User.SignInName(), cancellationToken);
        }
        catch (KeyNotFoundException e)
        {
            return await ShowValidationErrorAsync(e.Message, cancellationToken);
        }
        Message = "Exclusion removed: it no longer applies from the next refresh on.";
        return RedirectToPage();
    }

    public async Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        Exclusions = await review.ListExclusionsAsync(cancellationToken);
        return Page();
    }

    public string MapJson() => JsonSerializer.Serialize(new
    {
        spots = snapshot.Current.Spots.Select(s => new { rank = s.Rank, name = s.Name, change = "persisting", outline = s.Outline.Select(p => new[] { p.Latitude, p.Longitude }) }),
        exclusions = Exclusions.Select(e => new { name = e.Name, outline = e.Outline.Select(p => new[] { p.Latitude, p.Longitude }) }),
    });

    /// <summary>Corners typed (or drawn) one per line as "latitude, longitude".</summary>
    private static IReadOnlyList<GeoPoint> ParseCorners(string? text)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Select((line, i) =>
        {
            var parts = line.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
                throw new ValidationException($"Corner {i + 1} (\"{line}\") is not \"latitude, longitude\".");
            return new GeoPoint(lat, lon);
        }).ToList();
    }
}

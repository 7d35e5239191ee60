using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Analyst;

/// <summary>The analyst's hot spot sets: the published one, drafts to review, a new draft on demand, and the run-time options.</summary>
[Authorize(Policy = Policies.Analyse)]
public sealed class IndexModel(IHotspotModule hotspots, IHotspotReview review, ForceOptions force) : PageModel, IShowsValidationErrors
{
    public IReadOnlyList<HotspotSetSummary> Sets { get; private set; } = [];

    [BindProperty]
    public int Count { get; set; }

    [BindProperty]
    public bool AutoPublish { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public string Local(DateTime utc) => force.UtcToLocal(utc).ToString("d MMM yyyy HH:mm");

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken, options: true);

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        var set = await hotspots.RefreshAsync(publish: false, User.SignInName(), cancellationToken);
        Message = $"Draft set {set.Id} is ready: {set.SpotCount} spots. Review it, then publish it.";
        return RedirectToPage("/Analyst/Set", new { setId = set.Id });
    }

    public async Task<IActionResult> OnPostOptionsAsync(CancellationToken cancellationToken)
    {
        await review.SaveOptionsAsync(new HotspotOptions(Count, AutoPublish), User.SignInName(), cancellationToken);
        Message = $"Saved: refreshes keep {Count} spots and {(AutoPublish ? "the scheduled refresh publishes at once" : "the scheduled refresh leaves a draft for review")}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        await LoadAsync(cancellationToken, options: false);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken, bool options)
    {
        Sets = await hotspots.ListSetsAsync(30, cancellationToken);
        if (!options) return;
        var current = await review.GetOptionsAsync(cancellationToken);
        (Count, AutoPublish) = (current.Count, current.AutoPublish);
    }
}

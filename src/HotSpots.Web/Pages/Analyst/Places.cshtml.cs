using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Analyst;

/// <summary>The force's list of places no patrol can treat (prisons, secure hospitals, custody suites…): upload and view.</summary>
[Authorize(Policy = Policies.Analyse)]
public sealed class PlacesModel(IHotspotReview review) : PageModel
{
    /// <summary>Largest file accepted: a force's list is a few hundred places.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    public IReadOnlyList<ForcePlaceView> Places { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Places = await review.ListPlacesAsync(cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0) return await ShowProblemsAsync([file is null ? "Choose a file of places to upload." : $"{file.FileName} is empty."], cancellationToken);
        if (file.Length > MaxBytes) return await ShowProblemsAsync([$"{file.FileName} is {file.Length / 1024 / 1024:N0} MB; a list of places is at most {MaxBytes / 1024 / 1024} MB."], cancellationToken);
        var name = Path.GetFileName(file.FileName);
        await using var stream = file.OpenReadStream();
        var upload = await review.ReplacePlacesAsync(stream, name, User.SignInName(), cancellationToken);
        if (upload.Problems.Count > 0) return await ShowProblemsAsync(upload.Problems, cancellationToken);
        Message = $"{upload.Places} place{(upload.Places == 1 ? "" : "s")} from {name} replace the {upload.Replaced} held before; the next refresh uses them.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowProblemsAsync(IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        Problems = problems;
        Places = await review.ListPlacesAsync(cancellationToken);
        return Page();
    }
}

using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Admin;

/// <summary>
/// The watched folder, an administrator's choice: a folder inside the import root (setting Ingestion:WatchFolderRoot)
/// whose files are imported every minute. Other paths are refused with the reason and the refusal is audited.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class WatchFolderModel(IIngestionAdministration ingestion) : PageModel, IShowsValidationErrors
{
    public IngestionSettings Settings { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    /// <summary>What was typed, shown again when it was refused.</summary>
    public string? Typed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Settings = await ingestion.GetSettingsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? folder, CancellationToken cancellationToken)
    {
        Typed = folder;
        await ingestion.SetWatchFolderAsync(folder, User.SignInName(), cancellationToken);
        var saved = (await ingestion.GetSettingsAsync(cancellationToken)).WatchFolder;
        Message = saved is null ? "The watched folder is off." : $"New files in {saved} are imported every minute.";
        return RedirectToPage();
    }

    public async Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        Settings = await ingestion.GetSettingsAsync(cancellationToken);
        return Page();
    }
}

using System.Globalization;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Imports;

/// <summary>
/// Harm weights (the shipped table and the analyst's overrides) and the force boundary; the watched folder is shown, and
/// changed only by an administrator (/Admin/WatchFolder).
/// </summary>
[Authorize(Policy = Policies.Import)]
[RequestSizeLimit(64 << 20), RequestFormLimits(MultipartBodyLengthLimit = 64 << 20)]
public sealed class SettingsModel(IIngestionAdministration ingestion) : PageModel, IShowsValidationErrors
{
    public HarmTableView Harm { get; private set; } = null!;
    public IngestionSettings Settings { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostHarmAsync(Dictionary<string, string?> categories, string? offenceCodes, CancellationToken cancellationToken)
    {
        var byCategory = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (category, text) in categories)
            if (!string.IsNullOrWhiteSpace(text)) byCategory[category] = Days(text, category);
        var byCode = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in (offenceCodes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = line.IndexOf('=');
            if (equals <= 0) throw new ValidationException($"Write each offence code as 'CODE = days' (found '{line}').");
            byCode[line[..equals].Trim()] = Days(line[(equals + 1)..], line[..equals].Trim());
        }
        await ingestion.SetHarmOverridesAsync(new HarmOverrides(byCategory, byCode), User.SignInName(), cancellationToken);
        Message = "Harm weights saved. Hot spots use them from their next refresh.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostBoundaryAsync(IFormFile? boundary, bool remove, CancellationToken cancellationToken)
    {
        if (remove) await ingestion.SetBoundaryAsync(null, User.SignInName(), cancellationToken);
        else if (boundary is null) throw new ValidationException("Choose a GeoJSON file with the force area's polygons.");
        else
        {
            await using var content = boundary.OpenReadStream();
            await ingestion.SetBoundaryAsync(content, User.SignInName(), cancellationToken);
        }
        Message = remove ? "No force boundary: nothing is flagged as out of area." : "Force boundary saved: positions outside it are flagged from the next import.";
        return RedirectToPage();
    }

    private static double Days(string text, string name) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var days)
            ? days
            : throw new ValidationException($"The weight for '{name}' must be a number of days (found '{text.Trim()}').");

    public async Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Harm = await ingestion.GetHarmTableAsync(cancellationToken);
        Settings = await ingestion.GetSettingsAsync(cancellationToken);
    }
}

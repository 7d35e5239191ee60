using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Imports;

/// <summary>One import: a live progress bar while it runs (rows done, rate, errors so far), its report when it has ended.</summary>
[Authorize(Policy = Policies.Import)]
public sealed class DetailsModel(IImports ingestion) : PageModel
{
    public ImportSummary Import { get; private set; } = null!;
    public QuarantinePage Quarantine { get; private set; } = new([], 0);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await ingestion.GetImportAsync(id, cancellationToken) is not { } import) return NotFound();
        Import = import;
        Quarantine = await ingestion.ListQuarantineAsync(new QuarantineQuery(id, null, 0, 20), cancellationToken);
        return Page();
    }

    /// <summary>The progress as JSON, polled by the page while the import runs.</summary>
    public async Task<IActionResult> OnGetProgressAsync(long id, CancellationToken cancellationToken) =>
        await ingestion.GetImportAsync(id, cancellationToken) is { } i
            ? new JsonResult(new
            {
                status = i.Status, statusText = i.StatusText, active = i.IsActive, percent = Math.Round(i.Percent, 1), rowsDone = i.RowsDone, imported = i.Imported,
                rowsPerSecond = Math.Round(i.RowsPerSecond), errors = i.Quarantined, file = i.CurrentFile,
            })
            : NotFound();
}

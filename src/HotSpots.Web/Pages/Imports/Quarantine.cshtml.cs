using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform.Audit;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Imports;

/// <summary>
/// Rows that were not imported, with file, line, field and reason: fix the line and re-submit it (it is read again
/// with its file's format and header), or dismiss it. Rows can name people, so each view is audited.
/// </summary>
[Authorize(Policy = Policies.Import)]
public sealed class QuarantineModel(IImports ingestion, IAuditLog audit) : PageModel
{
    public const int PageSize = 50;

    public QuarantinePage Rows { get; private set; } = new([], 0);

    [BindProperty(SupportsGet = true)] public long? ImportId { get; set; }
    [BindProperty(SupportsGet = true)] public string Status { get; set; } = "open";
    [BindProperty(SupportsGet = true)] public int Skip { get; set; }

    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var status = Status is "open" or "resubmitted" or "dismissed" ? Status : null;
        Rows = await ingestion.ListQuarantineAsync(new QuarantineQuery(ImportId, status, Math.Max(0, Skip), PageSize), cancellationToken);
        await audit.RecordAsync(new AuditEntry(User.SignInName(), "quarantine.view",
            ImportId is { } id ? $"quarantine of import {id}" : "quarantine", Details: $"status {Status}, rows {Skip + 1}..{Skip + Rows.Rows.Count} of {Rows.Total}"), cancellationToken);
    }

    public async Task<IActionResult> OnPostResubmitAsync(long id, string? text, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ingestion.ResubmitAsync(id, text ?? "", User.SignInName(), cancellationToken);
            if (result.Imported) Message = $"Row {id} was read again and imported.";
            else Problem = $"Row {id} is still refused: {result.Field} {result.Reason}.";
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            Problem = e.Message;
        }
        return Back();
    }

    public async Task<IActionResult> OnPostDismissAsync(long id, string? why, CancellationToken cancellationToken)
    {
        try
        {
            await ingestion.DismissAsync(id, User.SignInName(), string.IsNullOrWhiteSpace(why) ? null : why.Trim(), cancellationToken);
            Message = $"Row {id} was dismissed.";
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            Problem = e.Message;
        }
        return Back();
    }

    private IActionResult Back() => RedirectToPage(new { importId = ImportId, status = Status, skip = Skip });
}

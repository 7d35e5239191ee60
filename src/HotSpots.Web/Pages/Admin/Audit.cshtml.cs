using System.Globalization;
using System.Text;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Text;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Admin;

/// <summary>
/// The audit log, the app's one page for it: search by who, what, which record and when; export the result as CSV (every
/// column, up to <see cref="ExportLimit"/> entries; the export is itself audited).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel(IAuditLog audit) : PageModel
{
    public const int PageSize = 500;
    public const int ExportLimit = AuditQuery.MostEntries;

    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Verb { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public IReadOnlyList<AuditRecordView> Records { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Records = await audit.SearchAsync(Query(PageSize), cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var records = await audit.SearchAsync(Query(ExportLimit), cancellationToken);
        var csv = new StringBuilder(CsvCell.Line("id", "at_utc", "actor", "action", "subject", "why", "details"));
        foreach (var r in records)
            csv.Append(CsvCell.Line(r.Id.ToString(CultureInfo.InvariantCulture), r.AtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                r.Actor, r.Action, r.Subject, r.Why, r.Details));
        await audit.RecordAsync(new AuditEntry(User.SignInName(), "audit.export", "audit log",
            Details: $"{records.Count} entries; actor={Actor}, action={Verb}, subject={Subject}, from={From}, to={To}"), cancellationToken);
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
    }

    private AuditQuery Query(int take) => new(Blank(Actor), Blank(Verb), Blank(Subject),
        From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), take);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

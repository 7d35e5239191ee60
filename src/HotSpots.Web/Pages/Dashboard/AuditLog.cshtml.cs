using System.Text;
using HotSpots.Platform.Audit;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Dashboard;

/// <summary>The audit log for administrators: who opened which person (and every other audited action), searchable and exportable.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditLogModel(IAuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; } = "person.view";
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public IReadOnlyList<AuditRecordView> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await SearchAsync(500, cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var entries = await SearchAsync(100_000, cancellationToken);
        var csv = new StringBuilder("at_utc,actor,action,subject,why,details\n");
        foreach (var e in entries)
            csv.Append(string.Join(',', e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                HotSpots.Platform.Text.CsvCell.Text(e.Actor), HotSpots.Platform.Text.CsvCell.Text(e.Action), HotSpots.Platform.Text.CsvCell.Text(e.Subject), HotSpots.Platform.Text.CsvCell.Text(e.Why), HotSpots.Platform.Text.CsvCell.Text(e.Details))).Append('\n');
        await audit.RecordAsync(new AuditEntry(User.Identity!.Name!, "audit.export", "audit log", Details: $"{entries.Count} entries"), cancellationToken);
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", "audit-log.csv");
    }

    private Task<IReadOnlyList<AuditRecordView>> SearchAsync(int take, CancellationToken cancellationToken) =>
        audit.SearchAsync(new AuditQuery(Blank(Actor), Blank(Action), Blank(Subject),
            From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), take), cancellationToken);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

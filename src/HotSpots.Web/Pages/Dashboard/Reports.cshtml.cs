using System.Text;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Dashboard;

/// <summary>Exports (CSV, GeoJSON), the patrol briefings and the monthly report as PDF, and how to connect Power BI.</summary>
[Authorize(Policy = Policies.Dashboard)]
public sealed class ReportsModel(IDashboardModule dashboard, TrialSights sights) : PageModel
{
    public IReadOnlyList<PublishedHotspot> Spots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Spots = await dashboard.GetPublishedSpotsAsync(await sights.ForAsync(User), cancellationToken);

    public DateOnly LastMonth { get; } = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1);

    public async Task<IActionResult> OnGetBriefingAsync(long id, CancellationToken cancellationToken) =>
        await dashboard.BriefingPdfAsync(id, await sights.ForAsync(User), cancellationToken) is { } pdf
            ? File(pdf, "application/pdf", $"briefing-spot-{id}.pdf")
            : NotFound($"Hot spot {id} is not in the published set.");

    public async Task<IActionResult> OnGetMonthlyAsync(int year, int month, CancellationToken cancellationToken) =>
        File(await dashboard.MonthlyReportPdfAsync(year, month, await sights.ForAsync(User), cancellationToken), "application/pdf", $"hotspots-report-{year}-{month:00}.pdf");

    public async Task<IActionResult> OnGetExportAsync(ExportKind kind, ExportFormat format, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var text = await dashboard.ExportAsync(new ExportRequest(kind, format, from, to), await sights.ForAsync(User), User.SignInName(), cancellationToken);
        var (type, extension) = format == ExportFormat.Csv ? ("text/csv", "csv") : ("application/geo+json", "geojson");
        return File(Encoding.UTF8.GetBytes(text), type, $"{kind.ToString().ToLowerInvariant()}.{extension}");
    }
}

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
public sealed class ReportsModel(IDashboardModule dashboard, IHotspotSnapshot hotspots) : PageModel
{
    public IReadOnlyList<PublishedHotspot> Spots { get; private set; } = [];

    public void OnGet() => Spots = hotspots.Current.Spots;

    public async Task<IActionResult> OnGetExportAsync(ExportKind kind, ExportFormat format, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var text = await dashboard.ExportAsync(new ExportRequest(kind, format, from, to), User.Identity!.Name!, cancellationToken);
        var (type, extension) = format == ExportFormat.Csv ? ("text/csv", "csv") : ("application/geo+json", "geojson");
        return File(Encoding.UTF8.GetBytes(text), type, $"{kind.ToString().ToLowerInvariant()}.{extension}");
    }
}

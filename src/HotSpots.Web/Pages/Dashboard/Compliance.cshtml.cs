using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Dashboard;

/// <summary>Dose delivered against target per spot, team, shift and day; control spots as the viewer's trial sight allows.</summary>
[Authorize(Policy = Policies.Evaluate)]
public sealed class ComplianceModel(IDashboardModule dashboard, TrialSights sights) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public ComplianceReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await dashboard.GetComplianceAsync(From, To, await sights.ForAsync(User), cancellationToken);
}

/// <summary>A table of dose lines on the compliance page.</summary>
public sealed record DoseTable(string Id, string First, IReadOnlyList<DoseLine> Lines, bool Targets);

/// <summary>A table of activities by kind, with its id and the heading of its first column.</summary>
public sealed record ActivityTableView(string Id, string First, ActivityTable Table);

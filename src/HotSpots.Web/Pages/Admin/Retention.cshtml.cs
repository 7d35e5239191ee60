using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Admin;

/// <summary>How long each kind of data is kept: raw patrol positions, people links, import history and quarantine, the location feed. Changes are audited.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class RetentionModel(IIngestionAdministration ingestion, IPatrolPolicySettings patrols) : PageModel, IShowsValidationErrors
{
    [BindProperty] public double PingDays { get; set; }
    [BindProperty] public int PeopleLinkDays { get; set; }
    [BindProperty] public int ImportHistoryDays { get; set; }
    [BindProperty] public int UnitPositionDays { get; set; }

    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || PingDays < 1 || PeopleLinkDays < 1 || ImportHistoryDays < 1 || UnitPositionDays < 1)
        {
            Error = "Each period is a whole number of days, at least 1.";
            return Page();
        }
        var who = User.SignInName();
        var policy = await patrols.GetPolicyAsync(cancellationToken);
        if (policy.PingRetentionDays != PingDays)
            await patrols.SetPolicyAsync(policy with { PingRetentionDays = PingDays }, who, cancellationToken);
        await ingestion.SetRetentionAsync(new IngestionRetention(PeopleLinkDays, ImportHistoryDays, UnitPositionDays), who, cancellationToken);
        Message = "Saved. The daily purge jobs use the new periods.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPurgeAsync(CancellationToken cancellationToken)
    {
        var purge = await ingestion.PurgeExpiredAsync(cancellationToken);
        Message = $"Erased {purge.PeopleLinks:N0} people links, {purge.Imports:N0} imports, {purge.QuarantinedRows:N0} quarantined rows and {purge.UnitPositions:N0} location feed positions (recorded in the audit log).";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        return Task.FromResult<IActionResult>(Page());
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PingDays = (await patrols.GetPolicyAsync(cancellationToken)).PingRetentionDays;
        var retention = await ingestion.GetRetentionAsync(cancellationToken);
        (PeopleLinkDays, ImportHistoryDays, UnitPositionDays) = (retention.PeopleLinkDays, retention.ImportHistoryDays, retention.UnitPositionDays);
    }
}

using System.Text;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using HotSpots.Web.Roster;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Admin;

/// <summary>
/// The roster import on the web: upload a CSV, see what it would do row by row, then apply it. Applying plans the same
/// file again against what is held then, so a second apply changes nothing. Every change is audited.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class RosterModel(RosterImport roster) : PageModel, IShowsValidationErrors
{
    /// <summary>The largest roster file taken (about 20,000 people).</summary>
    public const int LargestFile = 4 * 1024 * 1024;

    /// <summary>The file's text, carried from the preview to the apply in the form.</summary>
    public string? Csv { get; private set; }
    public string? FileName { get; private set; }
    public RosterPlan? Plan { get; private set; }
    public bool Applied { get; private set; }
    public int TeamsCreated { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null) return Fail("Choose a roster file (CSV) to preview.");
        FileName = Path.GetFileName(file.FileName);
        if (file.Length == 0) return Fail($"{FileName} is empty: a roster needs the header email,name,collar,team,role and a row per person.");
        if (file.Length > LargestFile) return Fail($"{FileName} is larger than {LargestFile / 1024 / 1024} MB: split it into smaller files.");
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
            Csv = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            Plan = await roster.PlanAsync(Csv, cancellationToken);
        }
        catch (ValidationException e)
        {
            Csv = null;
            return Fail($"{FileName}: {e.Message}");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string? csv, string? fileName, CancellationToken cancellationToken)
    {
        FileName = fileName;
        if (string.IsNullOrEmpty(csv)) return Fail("Choose a roster file (CSV) to preview first.");
        var outcome = await roster.ApplyAsync(csv, User.SignInName(), cancellationToken);
        (Plan, TeamsCreated, Applied) = (outcome.Applied, outcome.TeamsCreated, true);
        return Page();
    }

    public Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = FileName is null ? message : $"{FileName}: {message}";
        (Plan, Csv) = (null, null);
        return Task.FromResult<IActionResult>(Page());
    }

    private PageResult Fail(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public static string Describe(RosterAction action, bool applied) => (action, applied) switch
    {
        (RosterAction.Create, false) => "Will be created",
        (RosterAction.Create, true) => "Created",
        (RosterAction.Update, false) => "Will change",
        (RosterAction.Update, true) => "Changed",
        (RosterAction.Unchanged, _) => "Unchanged",
        _ => "Rejected",
    };
}

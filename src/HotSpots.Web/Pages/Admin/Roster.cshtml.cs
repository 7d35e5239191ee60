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
public sealed class RosterModel(RosterImport roster, InvitationSettings settings) : PageModel, IShowsValidationErrors
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

    /// <summary>Each new person's email and one-time invitation link, after an apply: shown on this answer only, kept nowhere.</summary>
    public IReadOnlyList<(string Email, string Link)> Invitations { get; private set; } = [];
    public DateTime? InvitationsValidUntilUtc { get; private set; }

    /// <summary>The invitations as a CSV file (email,link) in a data: address, so the download comes with this answer and nothing is stored.</summary>
    public string InvitationsCsvHref =>
        "data:text/csv;charset=utf-8," + Uri.EscapeDataString("email,link\r\n" + string.Concat(Invitations.Select(i => $"{CsvField(i.Email)},{CsvField(i.Link)}\r\n")));

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
        var address = settings.PublicAddress ?? new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}");
        Invitations = outcome.Invitations.Select(i => (i.Email, i.Link(address))).ToList();
        InvitationsValidUntilUtc = outcome.Invitations.Count > 0 ? outcome.Invitations.Max(i => i.ValidUntilUtc) : null;
        // The links are secrets: never kept by a browser's or a proxy's cache.
        Response.Headers.CacheControl = "no-store";
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

    /// <summary>A CSV field, quoted when it must be; a leading =, +, - or @ is quoted with an apostrophe so a spreadsheet reads it as text.</summary>
    private static string CsvField(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
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

using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Admin;

/// <summary>
/// The force's settings: name, time zone, police day, shifts, boundary and map tiles. A fresh install without the demo
/// opens here; saved settings are kept in the database and in force at once (Platform's <see cref="IForceSettings"/>).
/// </summary>
[Authorize(Policy = Policies.Admin)]
[RequestSizeLimit(64 << 20), RequestFormLimits(MultipartBodyLengthLimit = 64 << 20)]
public sealed class SetUpModel(IForceSettings settings, IIngestionAdministration ingestion) : PageModel, IShowsValidationErrors
{
    /// <summary>Empty shift rows offered under the force's shifts, for new ones.</summary>
    public const int SpareShifts = 2;

    [BindProperty] public SetUpForm Form { get; set; } = new();
    public ForceValues Current { get; private set; } = ForceValues.Default;
    public BoundaryOutline? Boundary { get; private set; }
    public string? BoundaryFile { get; private set; }
    public string? BoundaryError { get; private set; }
    public Dictionary<string, string> FieldErrors { get; } = [];
    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    public static IReadOnlyList<string> TimeZones { get; } = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/')).Order().ToList();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form = SetUpForm.From(settings.Current);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var firstTime = settings.Current.SetUpUtc is null;
        var values = Form.ToValues();
        // A form without the field (a script, an older page) keeps the kinds in force; an emptied one is refused below.
        if (Form.ActivityKinds is null) values = values with { ActivityKinds = settings.Current.ActivityKinds };
        if (Form.Tiles == "url" && string.IsNullOrWhiteSpace(Form.TileUrl))
            FieldErrors["TileUrl"] = "Give the tile server's address, or choose no map tiles.";
        foreach (var (field, message) in values.Problems())
            FieldErrors[field] = FieldErrors.TryGetValue(field, out var before) ? before + " " + message : message;
        if (FieldErrors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = $"Nothing was saved: {FieldErrors.Count} {(FieldErrors.Count == 1 ? "setting needs" : "settings need")} changing (marked below).";
            await LoadAsync(cancellationToken);
            return Page();
        }
        var zoneChanged = settings.Current.TimeZone != values.TimeZone && settings.Current.SetUpUtc is not null;
        await settings.SaveAsync(values, User.SignInName(), cancellationToken);
        Message = firstTime
            ? "The force is set up. Next, add its people: one by one on Users, or many at once with a roster."
            : "Settings saved. They are in force now on this server, and on any other within a few seconds."
              + (zoneChanged ? " Records imported before keep the times they were read with: import them again to read them in the new time zone." : "");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostBoundaryAsync(IFormFile? boundary, bool remove, CancellationToken cancellationToken)
    {
        if (remove) await ingestion.SetBoundaryAsync(null, User.SignInName(), cancellationToken);
        else if (boundary is null || boundary.Length == 0)
            throw new ValidationException(boundary is null ? "Choose a GeoJSON file with the force area's polygons." : $"'{boundary.FileName}' is empty (0 bytes).");
        else
        {
            await using var content = boundary.OpenReadStream();
            try
            {
                await ingestion.SetBoundaryAsync(content, User.SignInName(), cancellationToken);
            }
            catch (ValidationException e)
            {
                throw new ValidationException($"'{boundary.FileName}': {e.Message}");
            }
        }
        Message = remove ? "The force boundary is removed: no record is flagged as outside the force area."
            : $"The force boundary from '{boundary!.FileName}' is saved: records outside it are flagged from the next import.";
        return RedirectToPage();
    }

    public async Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        if (Request.Form.ContainsKey("Form.Name") is false) Form = SetUpForm.From(settings.Current);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Current = settings.Current;
        BoundaryFile = (await ingestion.GetSettingsAsync(cancellationToken)).BoundaryFile;
        try
        {
            Boundary = await ingestion.GetBoundaryOutlineAsync(cancellationToken);
        }
        catch (ValidationException e)
        {
            BoundaryError = e.Message;
        }
        while (Form.Shifts.Count(s => s.IsBlank) < SpareShifts) Form.Shifts.Add(new ShiftRow());
    }

    /// <summary>The boundary's rings for the map script ([[lat, lon], …] per ring).</summary>
    public string BoundaryJson() => System.Text.Json.JsonSerializer.Serialize(
        Boundary?.Rings.Select(r => r.Select(p => new[] { p.Latitude, p.Longitude })) ?? []);
}

/// <summary>The set-up form as typed (kept as typed when something is refused).</summary>
public sealed class SetUpForm
{
    public string? Name { get; set; }
    public string? TimeZone { get; set; }
    public int PoliceDayStartHour { get; set; } = 6;
    public List<ShiftRow> Shifts { get; set; } = [];

    /// <summary>"none" (outlines on a plain background) or "url" (the tile server below).</summary>
    public string Tiles { get; set; } = "none";
    public string? TileUrl { get; set; }
    public string? TileAttribution { get; set; }
    public bool PublicTilesAccepted { get; set; }

    /// <summary>The activity kinds, one a line as typed; blank lines are left out. Emptied, it stays empty (and is refused).</summary>
    [System.ComponentModel.DataAnnotations.DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? ActivityKinds { get; set; }

    public static SetUpForm From(ForceValues values) => new()
    {
        Name = values.Name,
        TimeZone = values.TimeZone,
        PoliceDayStartHour = values.PoliceDayStartHour,
        Shifts = values.Shifts.Select(s => new ShiftRow { Name = s.Name, StartHour = s.StartHour, EndHour = s.EndHour }).ToList(),
        Tiles = string.IsNullOrEmpty(values.TileUrl) ? "none" : "url",
        TileUrl = values.TileUrl,
        TileAttribution = values.TileAttribution,
        PublicTilesAccepted = values.PublicTilesAccepted,
        ActivityKinds = string.Join("\n", values.ActivityKinds),
    };

    public ForceValues ToValues() => new()
    {
        Name = (Name ?? "").Trim(),
        TimeZone = (TimeZone ?? "").Trim(),
        PoliceDayStartHour = PoliceDayStartHour,
        Shifts = Shifts.Where(s => !s.IsBlank).Select(s => new ForceShift((s.Name ?? "").Trim(), s.StartHour ?? -1, s.EndHour ?? -1)).ToList(),
        TileUrl = Tiles == "url" ? (TileUrl ?? "").Trim() : "",
        TileAttribution = Tiles == "url" ? (TileAttribution ?? "").Trim() : "",
        PublicTilesAccepted = Tiles == "url" && PublicTilesAccepted,
        ActivityKinds = (ActivityKinds ?? "").Split('\n').Select(k => k.Trim()).Where(k => k.Length > 0).ToList(),
    };
}

public sealed class ShiftRow
{
    public string? Name { get; set; }
    public int? StartHour { get; set; }
    public int? EndHour { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && StartHour is null && EndHour is null;
}

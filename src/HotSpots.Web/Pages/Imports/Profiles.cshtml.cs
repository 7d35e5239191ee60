using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Imports;

/// <summary>Mapping profiles: how to read a CSV that is not a built-in format. Listed, edited, saved and reused.</summary>
[Authorize(Policy = Policies.Import)]
public sealed class ProfilesModel(IIngestionAdministration ingestion) : PageModel
{
    public IReadOnlyList<MappingProfile> Profiles { get; private set; } = [];

    /// <summary>The profile being edited (a new one when null).</summary>
    public MappingProfile? Editing { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty] public ProfileForm Form { get; set; } = new();
    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Editing = Profiles.FirstOrDefault(p => string.Equals(p.Name, Name, StringComparison.OrdinalIgnoreCase));
        Form = Editing is null ? new ProfileForm() : ProfileForm.From(Editing);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var saved = await ingestion.SaveProfileAsync(Form.ToProfile(), User.SignInName(), cancellationToken);
            Message = $"Profile {saved.Name} saved.";
            return RedirectToPage(new { name = saved.Name });
        }
        catch (Exception e) when (e is ProfileException or FormatException)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            Message = await ingestion.DeleteProfileAsync(name, User.SignInName(), cancellationToken) ? $"Profile {name} deleted." : $"There is no profile {name}.";
        }
        catch (ProfileException e)
        {
            Message = e.Message;
        }
        return RedirectToPage(new { name = (string?)null });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Profiles = await ingestion.ListProfilesAsync(cancellationToken);
}

/// <summary>A profile as the edit form holds it: one text box per field, lists as lines.</summary>
public sealed class ProfileForm
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Source { get; set; } = "";
    public string? TimeZone { get; set; }
    public string? DateFormats { get; set; }
    public string? CategoryMap { get; set; }
    public Dictionary<string, string?> Columns { get; set; } = ProfileFields.All.ToDictionary(f => f, _ => (string?)null);

    public static ProfileForm From(MappingProfile p) => new()
    {
        Name = p.Name, Description = p.Description, Source = p.Source, TimeZone = p.TimeZone,
        DateFormats = string.Join('\n', p.DateFormats),
        CategoryMap = string.Join('\n', p.CategoryMap.Select(c => $"{c.Key} = {c.Value}")),
        Columns = ProfileFields.All.ToDictionary(f => f, f => p.Columns.TryGetValue(f, out var c) ? c : null),
    };

    public MappingProfile ToProfile()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, number) in Lines(CategoryMap).Select((l, i) => (l, i + 1)))
        {
            var equals = line.LastIndexOf('=');
            if (equals <= 0) throw new FormatException($"Category map, line {number}: write 'VALUE = Category' (found '{line}').");
            map[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }
        return new MappingProfile(Name.Trim(), Description?.Trim() ?? "", Source.Trim(), TimeZone?.Trim() ?? "", Lines(DateFormats).ToList(),
            Columns.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value!.Trim()), map);
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

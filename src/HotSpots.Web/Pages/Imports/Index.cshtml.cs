using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Web.Accounts;
using HotSpots.Web.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Imports;

/// <summary>Upload a file to import (run as a background job) and the import history.</summary>
[Authorize(Policy = Policies.Import)]
[RequestSizeLimit(UploadedFiles.RequestCeiling), RequestFormLimits(MultipartBodyLengthLimit = UploadedFiles.RequestCeiling)]
public sealed class IndexModel(IImports imports, IIngestionAdministration administration, UploadedFiles uploads) : PageModel
{
    public IReadOnlyList<ImportSummary> History { get; private set; } = [];
    public IReadOnlyList<MappingProfile> Profiles { get; private set; } = [];
    public long MaxUploadBytes { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? format, CancellationToken cancellationToken)
    {
        var settings = await administration.GetSettingsAsync(cancellationToken);
        if (file is null) Error = "Choose a file to import.";
        else if (file.Length == 0) Error = $"'{Path.GetFileName(file.FileName)}' is empty (0 bytes): there is nothing in it to import. Check that it was saved, then choose it again.";
        else if (file.Length > settings.MaxUploadBytes) Error = $"'{file.FileName}' is larger than the limit of {settings.MaxUploadBytes / (1 << 20):N0} MiB.";
        else if (!UploadedFiles.TryFormat(format, out var fileFormat, out var profile)) Error = $"Choose a format: {UploadedFiles.FormatHelp}.";
        else
        {
            try
            {
                await using var content = file.OpenReadStream();
                var path = await uploads.SaveAsync(content, file.FileName, settings.MaxUploadBytes, cancellationToken);
                var queued = await imports.QueueImportAsync(
                    new ImportRequest(path, fileFormat, User.SignInName(), profile, Path.GetFileName(file.FileName)), cancellationToken);
                return RedirectToPage("Details", new { id = queued.ImportId });
            }
            catch (UploadException e)
            {
                Error = e.Message;
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        History = await imports.ListImportsAsync(50, cancellationToken);
        Profiles = await administration.ListProfilesAsync(cancellationToken);
        MaxUploadBytes = (await administration.GetSettingsAsync(cancellationToken)).MaxUploadBytes;
    }
}

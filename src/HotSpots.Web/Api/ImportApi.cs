using System.Security.Claims;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Web.Accounts;
using HotSpots.Web.Imports;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OpenIddict.Abstractions;

namespace HotSpots.Web.Api;

/// <summary>
/// The import API for automated feeds (a force's records system, a radio location feed): a machine client sends a
/// file and gets back the import to follow. OAuth2 client credentials; described by OpenAPI at /openapi/v1.json.
/// </summary>
internal static class ImportApi
{
    public const string Document = "v1";

    public static void AddImportApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<UploadedFiles>();
        services.AddOpenApi(Document, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "HotSpots import API",
                    Version = "v1",
                    Description = "Send crime records or police location feeds to HotSpots. Authenticate with OAuth2 client credentials " +
                                  $"at {MachineClients.TokenPath} (scope '{MachineClients.ImportScope}'); a client is made with ./run.sh create-client.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["oauth2"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri(MachineClients.TokenPath, UriKind.Relative),
                            Scopes = new Dictionary<string, string> { [MachineClients.ImportScope] = "Import files" },
                        },
                    },
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("oauth2", document)] = [MachineClients.ImportScope] }];
                return Task.CompletedTask;
            });
        });
    }

    public static void MapImportApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var api = app.MapGroup("/api/v1/imports").RequireAuthorization(Policies.ImportApi).WithTags("Imports");

        api.MapPost("", async (HttpContext http, string? name, string? format, IImports imports, IIngestionAdministration administration, UploadedFiles uploads, CancellationToken ct) =>
            {
                if (!UploadedFiles.TryFormat(format, out var fileFormat, out var profile))
                    return Results.Problem($"format must be {UploadedFiles.FormatHelp}.", statusCode: 400);
                var settings = await administration.GetSettingsAsync(ct);
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = settings.MaxUploadBytes + (1 << 20);
                Stream content = http.Request.Body;
                var fileName = name;
                if (http.Request.HasFormContentType)
                {
                    var form = await http.Request.ReadFormAsync(ct);
                    if (form.Files.Count != 1) return Results.Problem("Send one file in the form field 'file'.", statusCode: 400);
                    content = form.Files[0].OpenReadStream();
                    fileName ??= form.Files[0].FileName;
                }
                if (string.IsNullOrWhiteSpace(fileName)) return Results.Problem("Give the file's name (?name=records.csv) so that its type is known.", statusCode: 400);
                string path;
                try { path = await uploads.SaveAsync(content, fileName, settings.MaxUploadBytes, ct); }
                catch (UploadException e) { return Results.Problem(e.Message, statusCode: e.Message.Contains("larger") ? 413 : 415); }
                var client = http.User.FindFirstValue(OpenIddictConstants.Claims.Subject) ?? "client";
                var queued = await imports.QueueImportAsync(new ImportRequest(path, fileFormat, $"client {client}", profile, Path.GetFileName(fileName)), ct);
                return Results.Accepted($"/api/v1/imports/{queued.ImportId}", new ImportAccepted(queued.ImportId, "queued", $"/api/v1/imports/{queued.ImportId}"));
            })
            .WithName("SendImport")
            .WithSummary("Send a file to import")
            .WithDescription("The request body is the file (or a multipart form with one file field). name gives its file name " +
                             $"(.csv, .csv.gz, .zip, .jsonl); format is {UploadedFiles.FormatHelp} (auto by default). The import runs in the background: " +
                             "follow it at the returned statusUrl. Importing the same file again adds nothing.")
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "text/plain", "application/gzip", "application/x-gzip", "application/zip",
                "application/x-ndjson", "application/jsonl", "application/octet-stream")
            .Produces<ImportAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("/{importId:long}", async (long importId, IImports imports, CancellationToken ct) =>
                await imports.GetImportAsync(importId, ct) is { } import ? Results.Ok(ImportStatusJson.From(import)) : Results.NotFound())
            .WithName("GetImport")
            .WithSummary("An import's progress, or its report once it has ended")
            .Produces<ImportStatusJson>()
            .Produces(StatusCodes.Status404NotFound);
    }
}

/// <summary>An import accepted: its id and where to follow it.</summary>
internal sealed record ImportAccepted(long ImportId, string Status, string StatusUrl);

/// <summary>An import's state as the API reports it.</summary>
/// <param name="Status">queued, running, interrupted (its node stopped; it resumes by itself), completed or failed.</param>
/// <param name="StatusText">What the status means, in plain words.</param>
/// <param name="Imported">New rows so far while the import has not ended; in all when it has.</param>
internal sealed record ImportStatusJson(
    long ImportId, string Name, string Status, string StatusText, double Percent, long RowsDone, long Imported, long Updated, long Unchanged, long Quarantined,
    long Unmappable, long OutOfArea, int FailedFiles, string? Error, IReadOnlyList<string> Notes, IReadOnlyList<ImportProblem> FileProblems,
    DateTime StartedUtc, DateTime? FinishedUtc)
{
    public static ImportStatusJson From(ImportSummary s) => new(s.Id, s.Name, s.Status, s.StatusText, Math.Round(s.Percent, 1), s.RowsDone, s.Imported, s.Updated,
        s.Unchanged, s.Quarantined, s.Unmappable, s.OutOfArea, s.FailedFiles, s.Error, s.Notes, s.FileProblems, s.StartedUtc, s.FinishedUtc);
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HotSpots.Testing;
using HotSpots.Web.Accounts;
using OpenIddict.Abstractions;

namespace HotSpots.Web.Tests;

/// <summary>Imports through the web: the analyst's pages (upload as a background job, progress, report, quarantine) and the OAuth2 API.</summary>
public sealed partial class ImportWebTests(ImportWebTests.App fixture) : IClassFixture<ImportWebTests.App>
{
    private const string Header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";
    private readonly HotSpotsApp _app = fixture.Host;

    public sealed class App : IDisposable
    {
        public TestDatabase Database { get; } = TestDatabase.Create("Sqlite");
        public HotSpotsApp Host { get; }
        public App() => Host = new HotSpotsApp(Database, new Dictionary<string, string?> { ["Api:AllowHttp"] = "true" });
        public void Dispose() { Host.Dispose(); Database.Dispose(); }
    }

    [Theory]
    [InlineData("analyst@demo.hotspots", HttpStatusCode.OK)]
    [InlineData("admin@demo.hotspots", HttpStatusCode.OK)]
    [InlineData("officer@demo.hotspots", HttpStatusCode.Forbidden)]
    [InlineData("manager@demo.hotspots", HttpStatusCode.Forbidden)]
    [InlineData("evaluator@demo.hotspots", HttpStatusCode.Forbidden)]
    public async Task Only_analysts_and_administrators_reach_the_import_pages(string email, HttpStatusCode expected)
    {
        var client = await SignedInClient.SignInAsync(_app, email);
        foreach (var page in new[] { "/Imports", "/Imports/Quarantine", "/Imports/Profiles", "/Imports/Settings" })
            (await client.GetAsync(page)).StatusCode.ShouldBe(expected, page);
    }

    [Fact]
    public async Task An_analyst_uploads_a_month_follows_its_progress_reads_the_report_and_fixes_the_bad_row()
    {
        var analyst = await SignedInClient.SignInAsync(_app, "analyst@demo.hotspots");
        var csv = string.Join("\r\n", [Header,
            "a1,2024-03,TVP,TVP,-0.971000,51.455000,On or near Broad Street,E01016372,Reading 011A,Robbery,Under investigation,",
            ",2024-03,TVP,TVP,-0.973000,51.454500,On or near Friar Street,E01016372,Reading 011A,Anti-social behaviour,,",
            "b2,2024-13,TVP,TVP,-0.975000,51.456000,On or near Station Road,E01016373,Reading 011B,Burglary,Under investigation,"]);
        var upload = await PostFileAsync(analyst, "2024-03-thames-valley-street.csv", csv, "auto");
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var importPage = upload.Headers.Location!.ToString();
        var id = long.Parse(importPage.Split('/').Last());

        var progress = await WaitForAsync(analyst, id);
        progress.GetProperty("status").GetString().ShouldBe("completed");
        progress.GetProperty("rowsDone").GetInt64().ShouldBe(3);
        progress.GetProperty("errors").GetInt64().ShouldBe(1);
        var report = await analyst.GetStringAsync(importPage);
        report.ShouldContain("id=\"import-report\"");
        report.ShouldContain("is not a month (yyyy-MM)");
        // The report names the analyst's file, never the name it was stored under.
        report.ShouldContain("2024-03-thames-valley-street.csv");
        StoredName().IsMatch(report).ShouldBeFalse("the report names the stored copy of the upload");

        var quarantine = await analyst.GetStringAsync($"/Imports/Quarantine?importId={id}");
        StoredName().IsMatch(quarantine).ShouldBeFalse("the quarantine names the stored copy of the upload");
        var rowId = QuarantineRowId().Match(quarantine).Groups[1].Value;
        var fix = await analyst.PostAsync($"/Imports/Quarantine?handler=Resubmit&importId={id}&status=open&skip=0", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = rowId,
            ["text"] = "b2,2024-03,TVP,TVP,-0.975000,51.456000,On or near Station Road,E01016373,Reading 011B,Burglary,Under investigation,",
            ["__RequestVerificationToken"] = SignedInClient.FormToken(quarantine),
        }));
        fix.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await analyst.GetStringAsync(fix.Headers.Location!.ToString())).ShouldContain($"Row {rowId} was read again and imported.");
        (await analyst.GetStringAsync(importPage)).ShouldContain("<tr><th scope=\"row\">Of those since fixed and re-submitted</th><td>1</td></tr>");
    }

    [Theory]
    [InlineData("payload.exe", "MZ binary", "is not a file HotSpots imports")]
    [InlineData("month.csv.gz", "not gzip at all", "is named .gz but is not gzip-compressed")]
    [InlineData("month.csv", "a\0b\0c", "is not text")]
    [InlineData("2024-05-empty.csv", "", "'2024-05-empty.csv' is empty (0 bytes)")]
    public async Task Uploads_of_the_wrong_type_are_refused_with_the_reason(string name, string content, string reason)
    {
        var analyst = await SignedInClient.SignInAsync(_app, "analyst@demo.hotspots");
        var response = await PostFileAsync(analyst, name, content, "auto");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(WebUtility.HtmlEncode(reason).Replace("&#39;", "&#x27;"));
    }

    [Fact]
    public async Task A_machine_client_gets_a_token_with_client_credentials_and_sends_a_file_through_the_api()
    {
        string secret;
        await using (var scope = _app.Services.CreateAsyncScope())
            secret = await MachineClients.CreateAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), "records-feed", ["imports"], false, CancellationToken.None);
        var http = _app.CreateClient(new() { AllowAutoRedirect = false });

        (await http.PostAsync("/api/v1/imports?name=a.csv", new StringContent("x"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var wrong = await http.PostAsync("/connect/token", Form(("grant_type", "client_credentials"), ("client_id", "records-feed"), ("client_secret", "guess"), ("scope", "imports")));
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var token = await http.PostAsync("/connect/token", Form(("grant_type", "client_credentials"), ("client_id", "records-feed"), ("client_secret", secret), ("scope", "imports")));
        token.StatusCode.ShouldBe(HttpStatusCode.OK, await token.Content.ReadAsStringAsync());
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        var records = "reference,category,occurred_from,latitude,longitude\nAPI/1,Robbery,2026-05-01 22:10,51.45,-0.97\nAPI/2,Robbery,2026-05-01 22:20,51.46,-0.96\n";
        var sent = await http.PostAsync("/api/v1/imports?name=records.csv&format=force-csv", new StringContent(records, Encoding.UTF8, "text/csv"));
        sent.StatusCode.ShouldBe(HttpStatusCode.Accepted, await sent.Content.ReadAsStringAsync());
        var statusUrl = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusUrl").GetString()!;
        sent.Headers.Location!.ToString().ShouldBe(statusUrl);

        var watch = Stopwatch.StartNew();
        JsonElement status;
        do
        {
            await Task.Delay(300);
            status = await http.GetFromJsonAsync<JsonElement>(statusUrl);
        } while (status.GetProperty("status").GetString() is "queued" or "running" && watch.Elapsed < TimeSpan.FromSeconds(180));
        status.GetProperty("status").GetString().ShouldBe("completed");
        status.GetProperty("imported").GetInt64().ShouldBe(2);

        var bad = await http.PostAsync("/api/v1/imports?name=records.csv&format=spreadsheet", new StringContent(records));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{bad.Headers.WwwAuthenticate} {await bad.Content.ReadAsStringAsync()}");
        // A person's sign-in cookie is not a client's token.
        var analyst = await SignedInClient.SignInAsync(_app, "analyst@demo.hotspots");
        (await analyst.GetAsync(statusUrl)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_import_api_is_described_by_openapi_with_its_oauth2_client_credentials_flow()
    {
        var http = _app.CreateClient();
        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/v1/imports", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/imports/{importId}", out _).ShouldBeTrue();
        paths.EnumerateObject().ShouldAllBe(p => p.Name.StartsWith("/api/v1/"));
        var flow = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows").GetProperty("clientCredentials");
        flow.GetProperty("tokenUrl").GetString().ShouldBe("/connect/token");
        flow.GetProperty("scopes").TryGetProperty("imports", out _).ShouldBeTrue();
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string name, string content, string format)
    {
        var page = await client.GetStringAsync("/Imports");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", name },
            { new StringContent(format), "format" },
            { new StringContent(SignedInClient.FormToken(page)), "__RequestVerificationToken" },
        };
        return await client.PostAsync("/Imports", form);
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, long id)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var progress = await client.GetFromJsonAsync<JsonElement>($"/Imports/{id}?handler=Progress");
            if (!progress.GetProperty("active").GetBoolean() || watch.Elapsed > TimeSpan.FromSeconds(180)) return progress;
            await Task.Delay(300);
        }
    }

    private static FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.ToDictionary(f => f.Item1, f => f.Item2));

    /// <summary>The name an upload is stored under: the time, a GUID, then the user's name.</summary>
    [GeneratedRegex("\\d{8}-\\d{6}-[0-9a-f]{32}-")]
    private static partial Regex StoredName();

    [GeneratedRegex("name=\"id\" value=\"(\\d+)\"")]
    private static partial Regex QuarantineRowId();
}

using System.Net;
using System.Text;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform.Audit;
using HotSpots.Testing;

namespace HotSpots.Web.Tests;

/// <summary>
/// Issue 22, finding 1: the watched folder is an administrator's choice under the import root, not an analyst's free
/// path; and what the import pages say about a file that cannot be read names it and its size, never its content.
/// </summary>
public sealed partial class ImportWebTests
{
    private async Task<string?> WatchedFolderAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IIngestionAdministration>().GetSettingsAsync(CancellationToken.None)).WatchFolder;
    }

    [Fact]
    public async Task An_analyst_cannot_set_the_watched_folder()
    {
        var outside = Directory.CreateDirectory(Path.Combine(_app.Database.Folder.Path, "analyst-choice")).FullName;
        var analyst = await SignedInClient.SignInAsync(_app, "analyst@demo.hotspots");
        var page = await analyst.GetStringAsync("/Imports/Settings");

        var post = await analyst.PostAsync("/Imports/Settings?handler=WatchFolder", SignedInClient.Form(page, ("folder", outside)));

        post.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await WatchedFolderAsync()).ShouldNotBe(outside);
        (await analyst.GetAsync("/Admin/WatchFolder")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_administrator_sets_the_watched_folder_only_inside_the_import_root_and_a_refusal_is_shown_and_audited()
    {
        var root = Path.Combine(_app.Database.Folder.Path, "incoming");
        var inside = Directory.CreateDirectory(Path.Combine(root, "thames-valley")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(_app.Database.Folder.Path, "not-for-imports")).FullName;
        var admin = await SignedInClient.SignInAsync(_app, "admin@demo.hotspots");
        var page = await admin.GetStringAsync("/Admin/WatchFolder");
        page.ShouldContain(root);

        var refused = await admin.PostAsync("/Admin/WatchFolder", SignedInClient.Form(page, ("folder", outside)));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await refused.Content.ReadAsStringAsync();
        text.ShouldContain("role=\"alert\"");
        text.ShouldContain("inside the import root");
        (await WatchedFolderAsync()).ShouldNotBe(outside);
        await using (var scope = _app.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<IAuditLog>().SearchAsync(new AuditQuery(Action: "watch-folder.refused", Subject: outside), CancellationToken.None))
                .ShouldHaveSingleItem().Actor.ShouldBe("admin@demo.hotspots");

        var saved = await admin.PostAsync("/Admin/WatchFolder", SignedInClient.Form(page, ("folder", "thames-valley")));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WatchedFolderAsync()).ShouldBe(inside);
        (await admin.GetStringAsync("/Imports/Settings")).ShouldContain(inside);
        var off = await admin.PostAsync("/Admin/WatchFolder", SignedInClient.Form(page, ("folder", "")));
        off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WatchedFolderAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task An_uploaded_file_that_cannot_be_read_is_reported_by_the_name_it_was_sent_with_and_its_size_not_its_content()
    {
        var analyst = await SignedInClient.SignInAsync(_app, "analyst@demo.hotspots");
        const string content = "db_password=hunter2\napi_key=swordfish\n";

        var upload = await PostFileAsync(analyst, "app-secrets.csv", content, "auto");

        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var importPage = upload.Headers.Location!.ToString();
        (await WaitForAsync(analyst, long.Parse(importPage.Split('/').Last()))).GetProperty("status").GetString().ShouldBe("failed");
        var report = await analyst.GetStringAsync(importPage);
        report.ShouldContain($"app-secrets.csv ({Encoding.UTF8.GetByteCount(content)} bytes)");
        report.ShouldNotContain("db_password");
        report.ShouldNotContain("hunter2");
        report.ShouldNotContain("uploads");
        var history = await analyst.GetStringAsync("/Imports");
        history.ShouldNotContain("db_password");
    }
}

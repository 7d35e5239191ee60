using System.Net;
using Hangfire;
using HotSpots.Testing;

namespace HotSpots.Web.Tests;

/// <summary>
/// Hangfire keeps its log provider in a process-wide static. An app that stops (here a second one in the same
/// process) must not take the first app's job client down with it: that once answered uploads with 500.
/// </summary>
public sealed class HangfireLogsTests
{
    [Fact]
    public async Task An_app_still_queues_jobs_after_another_app_in_its_process_has_stopped()
    {
        using var firstDatabase = TestDatabase.Create("Sqlite");
        await using var first = new HotSpotsApp(firstDatabase);
        var analyst = await SignedInClient.SignInAsync(first, "analyst@demo.hotspots");

        using (var secondDatabase = TestDatabase.Create("Sqlite"))
        await using (var second = new HotSpotsApp(secondDatabase))
            (await second.CreateClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var jobId = first.Service<IBackgroundJobClient>().Enqueue(() => Console.Out.WriteLine("queued after the other app stopped"));
        jobId.ShouldNotBeNullOrEmpty();
        var form = await analyst.GetStringAsync("/Imports");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(SignedInClient.FormToken(form)), "__RequestVerificationToken" },
            { new ByteArrayContent("reference,category,occurred_from,latitude,longitude\nF/1,Robbery,2026-05-01 22:10,51.45,-0.97\n"u8.ToArray()), "file", "records.csv" },
            { new StringContent("auto"), "format" },
        };
        var response = await analyst.PostAsync("/Imports", upload);
        ((int)response.StatusCode).ShouldBeLessThan(400, first.Errors.Summary());
        first.Errors.Entries.ShouldBeEmpty();
    }
}

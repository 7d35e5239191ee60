using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HotSpots.Testing;
using Npgsql;
using Shouldly;

namespace HotSpots.Web.Tests;

/// <summary>
/// Two real app processes on one private PostgreSQL, as behind a load balancer: recurring jobs run once per
/// occurrence, a sign-in and a token from one node work on the other, an upload taken by one node is imported by
/// whichever node runs the job, and a set published on one node is offered by the other's Direct me within seconds.
/// </summary>
public sealed partial class ScaleOutTests
{
    private const string Reading = "lat=51.4543&lon=-0.9781";
    private const string JobId = "end-overdue-patrols";

    [Fact]
    public async Task Two_nodes_share_one_PostgreSQL_database()
    {
        using var database = TestDatabase.Create("Postgres");
        using var shared = new TempDirectory("hotspots-shared");
        using var dataB = new TempDirectory("hotspots-node-b");
        var settings = new Dictionary<string, string?>(database.Settings())
        {
            ["SharedDirectory"] = shared.Path,
            ["Jobs:PollSeconds"] = "1",
            ["Patrols:AutoEndCron"] = "*/2 * * * * *",
            ["Api:AllowHttp"] = "true",
            ["Api:Issuer"] = "https://hotspots.force.example/",
            ["Hotspots:SnapshotPollSeconds"] = "2",
            ["Tasking:BoardSeconds"] = "2",
        };
        await using var nodeA = new AppProcess(database.Folder.Path, With(settings, "Demo:Enabled", "true"), arguments: ["--allow-demo-in-production"]);
        await nodeA.StartAsync(TimeSpan.FromMinutes(4));
        await using var nodeB = new AppProcess(dataB.Path, With(With(settings, "HOTSPOTS_DATA_DIR", dataB.Path), "Demo:Enabled", "false"));
        await nodeB.StartAsync(TimeSpan.FromMinutes(3));

        // An officer signed in on A keeps working on B: the cookie is protected with keys both nodes read from the database.
        using var officer = await SignedInClient.SignInAsync(nodeA.Address, "officer@demo.hotspots");
        var onB = await officer.GetAsync(new Uri(nodeB.Address, "/Officer"));
        onB.StatusCode.ShouldBe(HttpStatusCode.OK, "the sign-in cookie from node A is refused by node B");
        var before = await NearIdsAsync(officer, nodeB.Address);
        before.ShouldNotBeEmpty("node B offers no spot from the demo force's published set");

        // A token issued by A is accepted by B; the file B takes is imported by a job on either node, from the shared folder.
        var secret = await CreateClientAsync(settings, database.Folder.Path);
        var token = await TokenAsync(nodeA.Address, secret);
        using var feed = new HttpClient { BaseAddress = nodeB.Address };
        feed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var csv = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n" +
                  "scaleout-1,2026-10,Demo Police,Demo Police,-0.9781,51.4543,On or near Broad Street,E01000001,Reading 001A,Violence and sexual offences,Under investigation,\n";
        var accepted = await feed.PostAsync("/api/v1/imports?name=scaleout.csv&format=police-uk", new StringContent(csv, Encoding.UTF8, "text/csv"));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var statusUrl = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("statusUrl").GetString()!;
        using var feedOnA = new HttpClient { BaseAddress = nodeA.Address };
        feedOnA.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await WaitForAsync(async () =>
        {
            var status = JsonDocument.Parse(await feedOnA.GetStringAsync(statusUrl)).RootElement;
            return status.GetProperty("status").GetString()?.ToLowerInvariant() is "completed" or "failed" ? status.ToString() : null;
        }, TimeSpan.FromSeconds(60))).ShouldContain("\"imported\":1");

        // A set published on A is offered by B's Direct me within 10 seconds.
        using var analyst = await SignedInClient.SignInAsync(nodeA.Address, "analyst@demo.hotspots");
        var sets = await analyst.GetStringAsync("/Analyst");
        var draft = await analyst.PostAsync("/Analyst?handler=Draft", SignedInClient.Form(sets));
        draft.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var setPage = draft.Headers.Location!.ToString();
        setPage.ShouldStartWith("/Analyst/Set/");
        var review = await analyst.GetStringAsync(setPage);
        var published = await analyst.PostAsync($"{setPage}?handler=Publish", SignedInClient.Form(review));
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var clock = Stopwatch.StartNew();
        var newSpot = await WaitForAsync(async () =>
        {
            var page = await officer.GetStringAsync(new Uri(nodeB.Address, "/Officer"));
            var directed = await officer.PostAsync(new Uri(nodeB.Address, "/Officer/Direct"),
                SignedInClient.Form(page, ("lat", "51.4543"), ("lon", "-0.9781")));
            if (directed.StatusCode != HttpStatusCode.Redirect) return null;
            var direction = await officer.GetStringAsync(new Uri(nodeB.Address, directed.Headers.Location!.ToString()));
            // A direction made just before node B took the new set is no longer current when read: ask again.
            var match = SpotId().Match(direction);
            if (!match.Success) return direction.Contains("That direction is no longer current") ? null : throw new ShouldAssertException(direction);
            var id = long.Parse(match.Groups[1].Value);
            return before.Contains(id) ? null : id.ToString();
        }, TimeSpan.FromSeconds(10));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        (await NearIdsAsync(officer, nodeA.Address)).ShouldContain(long.Parse(newSpot));

        // Each occurrence of the every-2-seconds recurring job was created once and processed once, across both nodes.
        await Task.Delay(TimeSpan.FromSeconds(6));
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var occurrences = await ScalarListAsync(connection, """
            SELECT count(*) FROM hangfire.jobparameter t
            JOIN hangfire.jobparameter r ON r.jobid = t.jobid AND r.name = 'RecurringJobId' AND r.value LIKE '%end-overdue-patrols%'
            WHERE t.name = 'Time' GROUP BY t.value
            """);
        occurrences.Count.ShouldBeGreaterThan(5, "the recurring job hardly ran");
        occurrences.ShouldAllBe(n => n == 1, "an occurrence of the recurring job was scheduled more than once");
        var processed = await ScalarListAsync(connection, """
            SELECT count(s.id) FROM hangfire.job j
            JOIN hangfire.jobparameter r ON r.jobid = j.id AND r.name = 'RecurringJobId' AND r.value LIKE '%end-overdue-patrols%'
            LEFT JOIN hangfire.state s ON s.jobid = j.id AND s.name = 'Succeeded'
            GROUP BY j.id
            """);
        processed.Count(n => n > 1).ShouldBe(0, "an occurrence of the recurring job ran more than once");
        processed.Count(n => n == 1).ShouldBeGreaterThan(5);
    }

    private static Dictionary<string, string?> With(IDictionary<string, string?> settings, string key, string value) =>
        new(settings) { [key] = value };

    private static async Task<HashSet<long>> NearIdsAsync(HttpClient client, Uri node)
    {
        var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(node, $"/api/hotspots/near?{Reading}&count=50")));
        return json.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToHashSet();
    }

    private static async Task<string> WaitForAsync(Func<Task<string?>> probe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } done) return done;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Nothing happened within {timeout.TotalSeconds} s.");
            await Task.Delay(250);
        }
    }

    /// <summary>Registers a machine client the way an administrator does: the app's own command line, on the shared database.</summary>
    private static async Task<string> CreateClientAsync(IDictionary<string, string?> settings, string dataDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(AppProcess.WebAssembly)! };
        foreach (var argument in new[] { AppProcess.WebAssembly, "create-client", "scaleout-feed", "--scope", "imports" }) start.ArgumentList.Add(argument);
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        start.Environment["HOTSPOTS_DATA_DIR"] = dataDirectory;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, output + await process.StandardError.ReadToEndAsync());
        return Secret().Match(output).Groups[1].Value;
    }

    private static async Task<string> TokenAsync(Uri node, string secret)
    {
        using var http = new HttpClient { BaseAddress = node };
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "scaleout-feed", ["client_secret"] = secret, ["scope"] = "imports",
        }));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<List<long>> ScalarListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<long>();
        while (await reader.ReadAsync()) values.Add(reader.GetInt64(0));
        return values;
    }

    [GeneratedRegex("client_secret=(\\S+)")]
    private static partial Regex Secret();

    [GeneratedRegex("name=\"hotspotId\" value=\"(\\d+)\"")]
    private static partial Regex SpotId();
}

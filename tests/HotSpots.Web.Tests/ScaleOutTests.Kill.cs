using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HotSpots.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace HotSpots.Web.Tests;

/// <summary>
/// A node killed (SIGKILL) in the middle of an import: the other node resumes the import within a minute and completes it
/// within two, with every crime once; meanwhile the import's status shows the rows already imported, the health check
/// stops counting the dead node's job server, and no job is left "Processing" on it.
/// </summary>
public sealed partial class ScaleOutTests(ITestOutputHelper output)
{
    private const int KillRows = 400_000;

    [Fact]
    public async Task A_node_killed_during_an_import_leaves_it_to_the_other_node_which_completes_it_with_every_crime_once()
    {
        using var database = TestDatabase.Create("Postgres");
        using var shared = new TempDirectory("hotspots-shared");
        using var dataB = new TempDirectory("hotspots-node-b");
        var settings = new Dictionary<string, string?>(database.Settings())
        {
            ["SharedDirectory"] = shared.Path,
            ["Jobs:PollSeconds"] = "1",
            ["Api:AllowHttp"] = "true",
            ["Api:Issuer"] = "https://hotspots.force.example/",
            ["Demo:Enabled"] = "false",
        };
        var nodes = new[]
        {
            new AppProcess(database.Folder.Path, settings),
            new AppProcess(dataB.Path, With(settings, "HOTSPOTS_DATA_DIR", dataB.Path)),
        };
        try
        {
            foreach (var node in nodes) await node.StartAsync(TimeSpan.FromMinutes(3));
            var token = await TokenAsync(nodes[0].Address, await CreateClientAsync(settings, database.Folder.Path));

            // A data.police.uk file large enough to be mid-way when the node is killed.
            var csv = new StringBuilder("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
            var random = new Random(23);
            for (var i = 0; i < KillRows; i++)
                csv.Append(CultureInfo.InvariantCulture,
                    $"kill-{i:x8},2026-{i % 12 + 1:00},Demo Police,Demo Police,{-0.99 + random.Next(400) * 0.0001:0.0000},{51.44 + random.Next(400) * 0.0001:0.0000}," +
                    $"On or near Street {random.Next(500)},E01000001,Reading 001A,Violence and sexual offences,Under investigation,\n");
            using var api = new HttpClient { BaseAddress = nodes[0].Address, Timeout = TimeSpan.FromMinutes(2) };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var accepted = await api.PostAsync("/api/v1/imports?name=kill.csv&format=police-uk", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
            accepted.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
            var acceptedJson = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement;
            var importId = acceptedJson.GetProperty("importId").GetInt64();
            var statusUrl = acceptedJson.GetProperty("statusUrl").GetString()!;

            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            // Kill the node whose worker runs the import, once some batches are in.
            AppProcess running;
            long importedAtKill;
            int deadProcess;
            var waiting = Stopwatch.StartNew();
            while (true)
            {
                var row = await ImportRowAsync(connection, importId);
                row.Status.ShouldNotBe("completed", "the import ended before a node could be killed: make the file larger");
                if (row.Status == "running" && row.Imported >= 20_000 && await ProcessingServerAsync(connection, "%ImportJob%") is { } server)
                {
                    running = nodes.Single(n => server.Contains($":{n.ProcessId}:", StringComparison.Ordinal));
                    deadProcess = running.ProcessId!.Value;
                    running.Kill();
                    importedAtKill = (await ImportRowAsync(connection, importId)).Imported;
                    break;
                }
                waiting.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(2), "the import did not start");
                await Task.Delay(50);
            }
            var killedAt = DateTime.UtcNow;
            var survivor = nodes.Single(n => n != running);
            importedAtKill.ShouldBeLessThan(KillRows, "the node was killed after the import had ended");

            // Follow it on the surviving node, as a person would: the import's status, the health check, the jobs.
            var statuses = new List<string>();
            using var statusApi = new HttpClient { BaseAddress = survivor.Address, Timeout = TimeSpan.FromSeconds(10) };
            statusApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var http = new HttpClient { BaseAddress = survivor.Address, Timeout = TimeSpan.FromSeconds(10) };
            TimeSpan? resumedAfter = null, deadServerDroppedAfter = null;
            JsonElement status;
            while (true)
            {
                var since = DateTime.UtcNow - killedAt;
                status = JsonDocument.Parse(await statusApi.GetStringAsync(statusUrl)).RootElement;
                var state = status.GetProperty("status").GetString()!;
                var imported = status.GetProperty("imported").GetInt64();
                if (statuses.Count == 0 || !statuses[^1].StartsWith(state, StringComparison.Ordinal))
                    statuses.Add($"{state} at {since.TotalSeconds:0.0} s: {status.GetProperty("statusText").GetString()}");
                if (state != "completed")
                    imported.ShouldBeGreaterThanOrEqualTo(importedAtKill, $"the status stopped counting the rows already imported ({string.Join(" | ", statuses)})");
                var row = await ImportRowAsync(connection, importId);
                // A heartbeat later than the kill with the import running (or done) is another node's: the dead one writes nothing more.
                if (resumedAfter is null && row.Status is "running" or "completed" && row.HeartbeatUtc > killedAt)
                    resumedAfter = since;
                if (deadServerDroppedAfter is null &&
                    JsonDocument.Parse(await http.GetStringAsync("/health/ready")).RootElement.GetProperty("checks").GetProperty("jobs")
                        .GetProperty("description").GetString() == "1 job server(s) alive.")
                    deadServerDroppedAfter = since;
                var stillProcessing = await ProcessingServerAsync(connection, "%", $"%:{deadProcess}:%");
                if (state == "completed" && deadServerDroppedAfter is not null && stillProcessing is null) break;
                since.ShouldBeLessThan(TimeSpan.FromMinutes(2),
                    $"not done two minutes after the kill: statuses {string.Join(" | ", statuses)}; a job still processing on the dead server {stillProcessing}; " +
                    $"health dropped the dead server after {deadServerDroppedAfter?.TotalSeconds:0.0} s\nSurvivor's log:\n{survivor.Log}");
                await Task.Delay(500);
            }

            output.WriteLine($"Killed with {importedAtKill:N0} of {KillRows:N0} rows imported; resumed after {resumedAfter?.TotalSeconds:0.0} s; " +
                             $"health counted one job server after {deadServerDroppedAfter?.TotalSeconds:0.0} s; completed and no job processing on the dead " +
                             $"server after {(DateTime.UtcNow - killedAt).TotalSeconds:0.0} s. Statuses: {string.Join(" | ", statuses)}");
            resumedAfter.ShouldNotBeNull();
            resumedAfter.Value.ShouldBeLessThan(TimeSpan.FromMinutes(1), $"the import resumed only {resumedAfter.Value.TotalSeconds:0} s after the kill");
            deadServerDroppedAfter!.Value.ShouldBeLessThan(TimeSpan.FromSeconds(30), "/health/ready counted the dead node's job server too long");
            status.GetProperty("imported").GetInt64().ShouldBe(KillRows, string.Join(" | ", statuses));
            status.GetProperty("unchanged").GetInt64().ShouldBe(0);
            status.GetProperty("updated").GetInt64().ShouldBe(0);
            status.GetProperty("quarantined").GetInt64().ShouldBe(0);
            (await ScalarListAsync(connection, "SELECT count(*) FROM ingestion_crimes")).ShouldBe([(long)KillRows]);
            (await ScalarListAsync(connection, "SELECT count(DISTINCT \"SourceKey\") FROM ingestion_crimes")).ShouldBe([(long)KillRows]);
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    private static async Task<(string Status, long Imported, DateTime HeartbeatUtc)> ImportRowAsync(NpgsqlConnection connection, long importId)
    {
        await using var command = new NpgsqlCommand("SELECT \"Status\", \"Imported\", \"HeartbeatUtc\" FROM ingestion_imports WHERE \"Id\" = @id", connection);
        command.Parameters.AddWithValue("id", importId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt64(1), DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc));
    }

    /// <summary>The Hangfire server id ("host:pid:guid") of a job in the Processing state whose method and server match, if any.</summary>
    private static async Task<string?> ProcessingServerAsync(NpgsqlConnection connection, string invocationLike, string serverLike = "%")
    {
        await using var command = new NpgsqlCommand(
            "SELECT s.data::text FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid " +
            "WHERE j.statename = 'Processing' AND j.invocationdata::text LIKE @invocation AND s.data::text LIKE @server LIMIT 1", connection);
        command.Parameters.AddWithValue("invocation", invocationLike);
        command.Parameters.AddWithValue("server", serverLike);
        return await command.ExecuteScalarAsync() is string data ? JsonDocument.Parse(data).RootElement.GetProperty("ServerId").GetString() : null;
    }
}

using System.Collections.Concurrent;
using System.Net.Http.Json;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Testing;
using Microsoft.Data.Sqlite;

namespace HotSpots.Patrols.Tests;

/// <summary>
/// The app as its own process on SQLite, fed a stream of ping batches by four senders (two patrols, two senders each),
/// killed with SIGKILL in the middle of it, twice, and restarted: every acknowledged ping is in the database, once.
/// </summary>
public sealed class DurabilityTests
{
    private sealed record Sender(HttpClient Client, long PatrolId, long FirstSequence, double Latitude, double Longitude);

    [Fact]
    public async Task Every_acknowledged_ping_is_stored_once_after_the_server_is_killed_under_load_and_restarted()
    {
        using var data = new TempDirectory("hotspots-durability");
        await using var app = new AppProcess(data.Path, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:CrimesPerYear"] = "4000",
            ["Jobs:PollSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        }, arguments: ["--allow-demo-in-production"]);
        await app.StartAsync();

        var senders = new List<Sender>();
        foreach (var email in new[] { "officer@demo.hotspots", "supervisor@demo.hotspots" })
        {
            var client = await SignedInClient.SignInAsync(app.Address, email);
            var spot = (await client.GetFromJsonAsync<List<NearbySpot>>("/api/hotspots/near?lat=51.4545&lon=-0.9730&count=1"))!.Single();
            var home = await client.GetStringAsync("/Officer");
            var start = await client.PostAsync("/Officer/Direct?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["hotspotId"] = spot.Id.ToString(),
                ["__RequestVerificationToken"] = SignedInClient.FormToken(home),
            }));
            var patrolUrl = start.Headers.Location!.ToString();
            await client.UseAntiforgeryFromAsync(patrolUrl);
            var patrolId = long.Parse(patrolUrl.Split('/').Last());
            senders.Add(new Sender(client, patrolId, 1, spot.Lat, spot.Lon));
            senders.Add(new Sender(client, patrolId, 1_000_000, spot.Lat, spot.Lon));
        }

        var acknowledged = new ConcurrentBag<(long Patrol, long Sequence)>();
        var unacknowledged = new ConcurrentBag<(long Patrol, object Body, long[] Sequences)>();
        for (var round = 0; round < 2; round++)
        {
            using var stop = new CancellationTokenSource();
            var streams = senders.Select((s, i) => Task.Run(() => StreamAsync(s, round, acknowledged, unacknowledged, stop.Token))).ToList();
            var before = acknowledged.Count;
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (acknowledged.Count < before + 2000)
            {
                (DateTime.UtcNow < deadline).ShouldBeTrue($"the app acknowledged too little before the kill:\n{app.Log}");
                await Task.Delay(50);
            }
            app.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(streams);
            await app.RestartAsync();

            var stored = StoredPings(data.Path);
            acknowledged.Where(a => !stored.Contains(a)).ShouldBeEmpty($"acknowledged pings missing after kill -9 number {round + 1}");
        }
        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(4000);

        // The phones send again what was never acknowledged: it is stored, and nothing twice.
        foreach (var (patrol, body, sequences) in unacknowledged)
        {
            var client = senders.First(s => s.PatrolId == patrol).Client;
            var ack = await (await client.PostAsJsonAsync($"/api/patrols/{patrol}/pings", body)).ReadAsync<PingBatchResult>();
            (ack.Accepted + ack.Duplicates).ShouldBe(sequences.Length);
        }
        var final = StoredPings(data.Path);
        var sent = acknowledged.Concat(unacknowledged.SelectMany(u => u.Sequences.Select(q => (u.Patrol, q)))).ToHashSet();
        final.SetEquals(sent).ShouldBeTrue();
        foreach (var patrolId in senders.Select(s => s.PatrolId).Distinct())
        {
            var view = await senders.First(s => s.PatrolId == patrolId).Client.GetFromJsonAsync<PatrolView>($"/api/patrols/{patrolId}");
            view!.Pings.ShouldBe(final.Count(f => f.Patrol == patrolId));
        }
    }

    private static async Task StreamAsync(
        Sender sender, int round, ConcurrentBag<(long, long)> acknowledged, ConcurrentBag<(long, object, long[])> unacknowledged, CancellationToken stop)
    {
        var next = sender.FirstSequence + round * 500_000;
        var random = new Random((int)(sender.FirstSequence + round));
        while (!stop.IsCancellationRequested)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var pings = Enumerable.Range(0, 50).Select(i => new
            {
                seq = next + i,
                t = now + i,
                lat = sender.Latitude + random.NextDouble() * 0.00002,
                lon = sender.Longitude + random.NextDouble() * 0.00002,
                acc = 5.0,
            }).ToArray();
            var sequences = pings.Select(p => p.seq).ToArray();
            var body = new { pings };
            next += 50;
            try
            {
                var response = await sender.Client.PostAsJsonAsync($"/api/patrols/{sender.PatrolId}/pings", body, CancellationToken.None);
                var ack = await response.ReadAsync<PingBatchResult>();
                ack.Rejected.ShouldBeEmpty();
                foreach (var sequence in sequences) acknowledged.Add((sender.PatrolId, sequence));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException || e.InnerException is IOException)
            {
                unacknowledged.Add((sender.PatrolId, body, sequences)); // no answer: the phone keeps it and sends it again
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    private static HashSet<(long Patrol, long Sequence)> StoredPings(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "hotspots.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT PatrolId, Sequence FROM patrols_pings";
        using var reader = command.ExecuteReader();
        var stored = new HashSet<(long, long)>();
        while (reader.Read()) stored.Add((reader.GetInt64(0), reader.GetInt64(1)));
        return stored;
    }

    private sealed record NearbySpot(long Id, double Lat, double Lon);
}

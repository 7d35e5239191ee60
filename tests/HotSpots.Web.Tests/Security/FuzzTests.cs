using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HotSpots.Testing;
using HotSpots.Web.Accounts;
using OpenIddict.Abstractions;

namespace HotSpots.Web.Tests.Security;

/// <summary>
/// A bounded fuzz run over every JSON and upload endpoint with malformed and hostile input (a fixed seed, so a failure
/// repeats): no 5xx, every rejection says why, and the app still serves afterwards.
/// </summary>
public sealed partial class FuzzTests
{
    private const int Seed = 9;
    private readonly List<string> _failures = [];
    private int _requests;

    [Fact]
    public async Task Malformed_and_hostile_input_never_gets_a_5xx_and_every_rejection_says_why()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Api:AllowHttp"] = "true", ["Ingestion:MaxUploadBytes"] = "200000" });
        var random = new Random(Seed);

        // Officer JSON endpoints, on a real running patrol.
        var officer = await SignedInClient.SignInAsync(app, "officer@demo.hotspots");
        var patrolId = await StartPatrolAsync(officer);
        await officer.UseAntiforgeryFromAsync($"/Officer/Patrol/{patrolId}");
        var ping = $$"""{"pings":[{"seq":1,"t":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}},"lat":51.4545,"lon":-0.973,"acc":8,"speed":null}]}""";
        var activity = $$"""{"seq":1,"t":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}},"kind":"stop","text":"spoke to staff"}""";
        foreach (var body in Bodies(ping, random))
            await CheckAsync(officer, HttpMethod.Post, $"/api/patrols/{patrolId}/pings", Json(body));
        foreach (var body in Bodies(activity, random))
            await CheckAsync(officer, HttpMethod.Post, $"/api/patrols/{patrolId}/activities", Json(body));
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var stretch = $$"""{"seq":2,"from":{{now - 60_000}},"to":{{now}},"reason":"hidden"}""";
        foreach (var body in Bodies(stretch, random))
            await CheckAsync(officer, HttpMethod.Post, $"/api/patrols/{patrolId}/unobserved", Json(body));
        foreach (var query in Queries(random))
            await CheckAsync(officer, HttpMethod.Get, "/api/hotspots/near?" + query, null);
        foreach (var id in new[] { "0", "-1", "9223372036854775807", "99999999999999999999", "1e3", "abc", "..%2F..%2Fetc", "1;DROP TABLE x" })
            await CheckAsync(officer, HttpMethod.Get, $"/api/patrols/{id}", null);

        // The import API, with a machine client's token: odd names, odd formats, random and hostile bytes.
        var feed = app.CreateClient(new() { AllowAutoRedirect = false });
        feed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(app, feed));
        foreach (var (name, bytes) in Files(random))
            foreach (var format in new[] { "auto", "force-csv", "police-uk", "feed", "nonsense", "" })
            {
                await CheckAsync(feed, HttpMethod.Post, $"/api/v1/imports?name={Uri.EscapeDataString(name)}&format={Uri.EscapeDataString(format)}", new ByteArrayContent(bytes));
                await CheckAsync(feed, HttpMethod.Post, $"/api/v1/imports?format={Uri.EscapeDataString(format)}", Multipart(name, bytes));
            }
        await CheckAsync(feed, HttpMethod.Post, "/api/v1/imports?name=big.csv", new ByteArrayContent(new byte[300_000]));
        await CheckAsync(feed, HttpMethod.Post, "/api/v1/imports", Json("{\"file\":1}"));

        // The upload forms: imports and the force boundary.
        var analyst = await SignedInClient.SignInAsync(app, "analyst@demo.hotspots");
        foreach (var (name, bytes) in Files(random).Take(12))
        {
            await CheckAsync(analyst, HttpMethod.Post, "/Imports", await PageFormAsync(analyst, "/Imports", ("file", name, bytes), ("format", "auto")));
            await CheckAsync(analyst, HttpMethod.Post, "/Imports/Settings?handler=Boundary", await PageFormAsync(analyst, "/Imports/Settings", ("boundary", name, bytes)));
        }
        foreach (var geoJson in Bodies("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[-1,51],[-0.9,51],[-0.9,51.5],[-1,51]]]},"properties":{}}]}""", random).Take(40))
            await CheckAsync(analyst, HttpMethod.Post, "/Imports/Settings?handler=Boundary", await PageFormAsync(analyst, "/Imports/Settings", ("boundary", "area.geojson", Encoding.UTF8.GetBytes(geoJson))));

        // Still serving, and the last valid ping still goes in.
        (await officer.GetAsync("/Officer")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await officer.PostAsync($"/api/patrols/{patrolId}/pings", Json(ping.Replace("\"seq\":1", "\"seq\":999999")));
        after.StatusCode.ShouldBe(HttpStatusCode.OK, await after.Content.ReadAsStringAsync());
        _failures.ShouldBeEmpty($"{_failures.Count} of {_requests} requests; the server logged:\n{app.Errors.Summary()}");
        _requests.ShouldBeGreaterThan(600);
    }

    private async Task CheckAsync(HttpClient client, HttpMethod method, string url, HttpContent? content)
    {
        _requests++;
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
            _failures.Add($"{method} {url}: {status} {Clip(body)}");
        else if (status >= 400 && !HasReason(response, body))
            _failures.Add($"{method} {url}: {status} without a reason: {Clip(body)}");
        else if (status < 400 && response.Content.Headers.ContentType?.MediaType == "text/html" && url.StartsWith("/Imports", StringComparison.Ordinal)
                 && !body.Contains("role=\"alert\"", StringComparison.Ordinal) && !body.Contains("role=\"status\"", StringComparison.Ordinal) && status != 302)
            _failures.Add($"{method} {url}: {status} page without an error or a notice");
    }

    /// <summary>A 4xx says why: a problem with a detail, or a page or text with a message.</summary>
    private static bool HasReason(HttpResponseMessage response, string body)
    {
        if (response.StatusCode == HttpStatusCode.NotFound && body.Length == 0) return true; // nothing at that address: the status is the reason
        if (response.Headers.WwwAuthenticate.Any(h => h.Parameter?.Contains("error", StringComparison.Ordinal) == true)) return true;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            return JsonDocument.Parse(body).RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 10 };
        return body.Trim().Length > 10;
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static MultipartFormDataContent Multipart(string name, byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", name } };

    /// <summary>A valid body, then fixed hostile ones, then random mutations of the valid one.</summary>
    private static IEnumerable<string> Bodies(string valid, Random random)
    {
        yield return "";
        yield return "null";
        yield return "[]";
        yield return "{}";
        yield return "\"text\"";
        yield return "{\"pings\":null}";
        yield return "{\"pings\":[]}";
        yield return "{\"pings\":[null]}";
        yield return "{\"pings\":[{}]}";
        yield return "{\"pings\":" + "[" + string.Join(",", Enumerable.Repeat("{\"seq\":1,\"t\":0,\"lat\":0,\"lon\":0}", 501)) + "]}";
        yield return new string('[', 5000) + new string(']', 5000);
        yield return "{\"a\":\"" + new string('x', 100_000) + "\"}";
        yield return "{\"seq\":1e400,\"t\":-9223372036854775808,\"lat\":\"NaN\",\"lon\":Infinity}";
        yield return "{\"seq\":1,\"t\":1,\"kind\":\"<script>alert(1)</script>\",\"text\":\"'; DROP TABLE patrols_pings; --\"}";
        yield return "{\"seq\":-1,\"t\":253402300800000,\"kind\":\"\",\"text\":null}";
        yield return "\uFEFF" + valid;
        yield return valid.Replace("51.4545", "951.4545");
        yield return valid.Replace("1,\"t\"", "\"1\",\"t\"");
        for (var i = 0; i < 150; i++)
            yield return Mutate(valid, random);
    }

    private static string Mutate(string valid, Random random)
    {
        var chars = valid.ToCharArray().ToList();
        var junk = "{}[]\",:0123456789.-+eE\\ntrufalsn\u0000\u00e9\ud83d\ude93";
        for (var n = random.Next(1, 6); n > 0 && chars.Count > 0; n--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0: chars.RemoveAt(at); break;
                case 1: chars.Insert(at, junk[random.Next(junk.Length)]); break;
                case 2: chars[at] = junk[random.Next(junk.Length)]; break;
                default: chars = chars.Take(at).ToList(); break;
            }
        }
        return new string([.. chars]);
    }

    private static IEnumerable<string> Queries(Random random)
    {
        string[] values = ["", "abc", "NaN", "Infinity", "-Infinity", "1e309", "91", "-181", "51.45", "-0.97", "0x10", "%00", "1,5", "9999999999999"];
        yield return "";
        yield return "lat=51.45";
        yield return "lat=51.45&lon=-0.97&count=-5";
        yield return "lat=51.45&lon=-0.97&count=100000000000";
        for (var i = 0; i < 60; i++)
            yield return $"lat={values[random.Next(values.Length)]}&lon={values[random.Next(values.Length)]}&count={values[random.Next(values.Length)]}";
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Files(Random random)
    {
        byte[] Random(int n) { var b = new byte[n]; random.NextBytes(b); return b; }
        var csv = "reference,category,occurred_from,latitude,longitude\nF/1,Robbery,2026-05-01 22:10,51.45,-0.97\n";
        yield return ("records.csv", Encoding.UTF8.GetBytes(csv));
        yield return ("records.csv", Encoding.UTF8.GetBytes(csv.Replace("51.45", "=cmd|' /C calc'!A0")));
        yield return ("records.csv", Encoding.UTF8.GetBytes(csv + new string(',', 5000) + "\n\"unclosed"));
        yield return ("records.csv", []);
        yield return ("records.csv.gz", Random(2000));
        yield return ("records.gz", [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]);
        yield return ("records.zip", Random(3000));
        yield return ("records.zip", [0x50, 0x4b, 3, 4, .. Random(500)]);
        yield return ("records.jsonl", Encoding.UTF8.GetBytes("{\"reference\":1}\n{bad\n" + new string('{', 3000)));
        yield return ("../../etc/passwd.csv", Encoding.UTF8.GetBytes(csv));
        yield return ("records.exe", [0x4d, 0x5a, .. Random(400)]);
        yield return ("records.csv", [0x4d, 0x5a, 0x90, 0, .. Random(400)]);
        yield return ("records.csv", Random(5000));
        yield return ("<script>.csv", Encoding.UTF8.GetBytes(csv));
        yield return (new string('a', 300) + ".csv", Encoding.UTF8.GetBytes(csv));
        yield return ("records.csv", Encoding.Unicode.GetBytes(csv));
    }

    private static async Task<MultipartFormDataContent> PageFormAsync(HttpClient client, string page, params object[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(SignedInClient.FormToken(await client.GetStringAsync(page))), "__RequestVerificationToken" } };
        foreach (var field in fields)
            switch (field)
            {
                case (string name, string file, byte[] bytes): form.Add(new ByteArrayContent(bytes), name, file); break;
                case (string name, string value): form.Add(new StringContent(value), name); break;
            }
        return form;
    }

    private static async Task<long> StartPatrolAsync(HttpClient officer)
    {
        var home = await officer.GetStringAsync("/Officer");
        var direct = await officer.PostAsync("/Officer/Direct", SignedInClient.Form(home, ("lat", "51.4545"), ("lon", "-0.9730")));
        var directionPage = await officer.GetStringAsync(direct.Headers.Location!.ToString());
        var hotspotId = HotspotField().Match(directionPage).Groups[1].Value;
        var start = await officer.PostAsync(direct.Headers.Location + "?handler=Start", SignedInClient.Form(directionPage, ("hotspotId", hotspotId)));
        return long.Parse(start.Headers.Location!.ToString().Split('/').Last());
    }

    private static async Task<string> TokenAsync(HotSpotsApp app, HttpClient http)
    {
        string secret;
        await using (var scope = app.Services.CreateAsyncScope())
            secret = await MachineClients.CreateAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), "fuzz-feed", ["imports"], false, CancellationToken.None);
        var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "fuzz-feed", ["client_secret"] = secret, ["scope"] = "imports",
        }));
        return (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    [GeneratedRegex("name=\"hotspotId\" value=\"(\\d+)\"")]
    private static partial Regex HotspotField();
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HotSpots.Testing;
using HotSpots.Web.Accounts;
using OpenIddict.Abstractions;

namespace HotSpots.Web.Tests;

/// <summary>The OData v4 feed for Power BI: metadata, $filter, $top, server-side paging, and no way in without the feed client's secret.</summary>
public sealed class PowerBiFeedTests : IClassFixture<PowerBiFeedTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public TestDatabase Database { get; } = TestDatabase.Create("Sqlite");
        public HotSpotsApp Host { get; private set; } = null!;
        public string Secret { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Host = new HotSpotsApp(Database, new Dictionary<string, string?> { ["Api:AllowHttp"] = "true", ["Demo:PatrolHistoryDays"] = "2" });
            await using var scope = Host.Services.CreateAsyncScope();
            Secret = await MachineClients.CreateAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), "powerbi", [MachineClients.FeedScope], false, CancellationToken.None);
            await MachineClients.CreateAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), "importer", [MachineClients.ImportScope], false, CancellationToken.None);
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            Database.Dispose();
        }
    }

    private readonly App _app;

    public PowerBiFeedTests(App app) => _app = app;

    private HttpClient Feed(string user = "powerbi", string? secret = null)
    {
        var client = _app.Host.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret ?? _app.Secret}")));
        return client;
    }

    [Fact]
    public async Task The_metadata_describes_the_five_entity_sets()
    {
        var response = await Feed().GetAsync("/odata/$metadata");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var xml = await response.Content.ReadAsStringAsync();
        xml.ShouldContain("Version=\"4.0\"");
        foreach (var set in new[] { "Hotspots", "Visits", "Dosage", "Activities", "Crimes" })
            xml.ShouldContain($"<EntitySet Name=\"{set}\"");
        xml.ShouldContain("Name=\"Category\"");
        // Pseudonymised: no reference, no people, no place name.
        xml.ShouldNotContain("Reference");
        xml.ShouldNotContain("PersonId");
        xml.ShouldNotContain("Location\"");
    }

    [Fact]
    public async Task Filter_and_top_are_applied_by_the_server()
    {
        var robbery = await ValuesAsync("/odata/Crimes?$filter=Category eq 'Robbery'&$top=7");
        robbery.Count.ShouldBe(7);
        robbery.ShouldAllBe(c => c.GetProperty("Category").GetString() == "Robbery");
        var top = await ValuesAsync("/odata/Hotspots?$top=3&$orderby=Rank");
        top.Select(h => h.GetProperty("Rank").GetInt32()).ShouldBe([1, 2, 3]);
        var visits = await ValuesAsync("/odata/Visits?$filter=Minutes gt 5");
        visits.ShouldNotBeEmpty();
        visits.ShouldAllBe(v => v.GetProperty("Minutes").GetDouble() > 5);
    }

    [Fact]
    public async Task Large_sets_come_in_pages_with_next_links()
    {
        var client = Feed();
        var first = JsonDocument.Parse(await client.GetStringAsync("/odata/Crimes?$count=true")).RootElement;
        var total = first.GetProperty("@odata.count").GetInt64();
        total.ShouldBeGreaterThan(1000, "the demo force has thousands of crimes");
        first.GetProperty("value").GetArrayLength().ShouldBe(1000);
        var next = first.GetProperty("@odata.nextLink").GetString()!;
        var seen = first.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("Id").GetInt64()).ToHashSet();
        var pages = 1;
        while (next is not null)
        {
            var page = JsonDocument.Parse(await client.GetStringAsync(next)).RootElement;
            foreach (var c in page.GetProperty("value").EnumerateArray()) seen.Add(c.GetProperty("Id").GetInt64()).ShouldBeTrue();
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            pages++;
        }
        seen.Count.ShouldBe((int)total);
        pages.ShouldBe((int)Math.Ceiling(total / 1000.0));
    }

    [Fact]
    public async Task Anonymous_wrong_secrets_other_clients_and_people_are_refused()
    {
        var anonymous = _app.Host.CreateClient(new() { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/odata/Crimes");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("Basic");
        (await anonymous.GetAsync("/odata/$metadata")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Feed(secret: "wrong").GetAsync("/odata/Crimes")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Feed("importer", "whatever").GetAsync("/odata/Crimes")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var analyst = await SignedInClient.SignInAsync(_app.Host, "analyst@demo.hotspots");
        (await analyst.GetAsync("/odata/Crimes")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_feed_is_read_only()
    {
        var response = await Feed().PostAsync("/odata/Crimes", new StringContent("{\"Category\":\"Robbery\"}", Encoding.UTF8, "application/json"));
        // No write endpoint exists: the request matches nothing the feed client may call.
        ((int)response.StatusCode).ShouldBeOneOf(401, 404, 405);
        (await Feed().DeleteAsync("/odata/Crimes(1)")).IsSuccessStatusCode.ShouldBeFalse();
    }

    private async Task<List<JsonElement>> ValuesAsync(string url)
    {
        var response = await Feed().GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("value").EnumerateArray()];
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Geography;
using HotSpots.Testing;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace HotSpots.Browser.Tests;

/// <summary>
/// Text from records is text everywhere: crimes whose location is markup are imported, become published spots' names,
/// and every page that shows spot names is opened in Chromium, with its map tooltips hovered so that Leaflet renders
/// them. No element of the markup may reach the page, no request may go to its image, no script may be refused by the
/// content security policy on its behalf (which would mean the markup reached the page), and the name shows as text.
/// </summary>
public sealed class HostileTextTests : IAsyncLifetime
{
    /// <summary>Location texts as an attacker would write them into a force's records, each the name of one spot.</summary>
    private static readonly string[] Payloads =
    [
        "\"><img src=x onerror=alert(1)>",
        "<svg onload=alert(2)>",
        "</script><script>alert(3)</script>",
        "<a href=\"javascript:alert(4)\">Open the map</a>",
    ];

    /// <summary>An exclusion an analyst names with markup: its name is shown in the analyst's map tooltips too.</summary>
    private const string HostileExclusion = "<img src=x onerror=alert(5)> depot";

    // Four places 300 m apart (two cells of 150 m), far from the demo town's night-time clusters, around one point.
    private static readonly GeoPoint Middle = new(51.4650, -0.9550);
    private static readonly (double Lat, double Lon)[] Offsets = [(0.0027, 0), (0, 0.0043), (-0.0027, 0), (0, -0.0043)];

    private readonly TestDatabase _database = TestDatabase.Create("Sqlite");
    private readonly List<string> _problems = [];
    private HotSpotsApp _app = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _app = new HotSpotsApp(_database, new Dictionary<string, string?>
        {
            ["Patrols:PingSeconds"] = "1",
            // The emulated phone is moved into the spot in an instant: no jump check, and a visit of a few seconds counts.
            ["Patrols:MaxSpeedMetresPerSecond"] = "100000",
            ["Patrols:MinVisitSeconds"] = "0",
            // Harm-weighted counts: the places with the most violence are the spots, so the hostile places surely are.
            ["Hotspots:Method"] = "counts",
        });
        _address = _app.StartOnRealPort();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Hostile_location_names_show_as_text_on_every_page_that_shows_spot_names()
    {
        var spots = await PublishHostileSpotsAsync();
        var first = spots[Payloads[0]];

        // The supervisor's board, with the spot assigned to the officer's team so that Direct me offers it.
        await using var supervisor = await Desktop.OpenAsync(_address);
        var board = Watch(supervisor.Page);
        await supervisor.SignInAsync("supervisor@demo.hotspots");
        await board.OpenAsync("/Supervisor", names: Payloads);
        await supervisor.Page.GetByLabel("Spot", new() { Exact = true }).SelectOptionAsync(first.Id.ToString(CultureInfo.InvariantCulture));
        await supervisor.Page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Town Centre" });
        await supervisor.Page.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Assertions.Expect(supervisor.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{first.Name} is assigned to Town Centre");
        await board.CheckAsync("/Supervisor after assigning", names: [first.Name]);

        // The officer: near me (list and map), Direct me, the patrol, the patrol list and the track.
        await using var phone = await Phone.OpenAsync(_address, Middle.Latitude, Middle.Longitude);
        var officer = Watch(phone.Page);
        await phone.SignInAsync("officer@demo.hotspots");
        await Assertions.Expect(phone.Page.Locator("#nearby li")).ToHaveCountAsync(10);
        await officer.HoverMapAsync("#map");
        await officer.CheckAsync("/Officer", names: Payloads, tooltips: Payloads);

        var directMe = phone.Page.GetByRole(AriaRole.Button, new() { Name = "Direct me to a hot spot" });
        await Assertions.Expect(directMe).ToBeEnabledAsync();
        await directMe.ClickAsync();
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(first.Name);
        await officer.CheckAsync("/Officer/Direct", names: [first.Name]);

        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Start patrol" }).ClickAsync();
        await Navigation.ArriveAsync(phone.Page, new Regex("/Officer/Patrol/\\d+$"));
        var patrolId = long.Parse(phone.Page.Url.Split('/').Last(), CultureInfo.InvariantCulture);
        await phone.MoveToAsync(first.Centre.Latitude, first.Centre.Longitude);
        await Assertions.Expect(phone.Page.GetByText("Inside hot spot")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await officer.CheckAsync("/Officer/Patrol", names: [first.Name]);

        // While the patrol runs, the supervisor's live table names its spot.
        await supervisor.Page.GotoAsync("/Supervisor");
        await Assertions.Expect(supervisor.Page.Locator("#live tbody")).ToContainTextAsync(first.Name);
        await board.CheckAsync("/Supervisor with a patrol running", names: [first.Name]);

        await Task.Delay(3000); // a few pings inside, one a second
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "End patrol" }).ClickAsync();
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "Patrol ended" })).ToBeVisibleAsync();
        await officer.OpenAsync("/Officer/Patrols", names: [first.Name]);
        await officer.OpenAsync($"/Officer/Patrols/{patrolId}", names: [first.Name]);
        await officer.HoverMapAsync("#map", everyShape: false); // the spot and the line have none, the stops have theirs
        await officer.CheckAsync($"/Officer/Patrols/{patrolId} with its tooltips open");
        await board.OpenAsync("/Supervisor/Tracks", names: [first.Name]);
        await board.OpenAsync("/Dashboard/Leaderboards?period=month");

        // The analyst: the set's review and the exclusions, with every map tooltip open, and the people by spot.
        await using var analyst = await Desktop.OpenAsync(_address);
        var analysis = Watch(analyst.Page);
        await analyst.SignInAsync("analyst@demo.hotspots");
        await analysis.OpenAsync("/Analyst");
        await analysis.OpenAsync($"/Analyst/Set/{first.SetId}", names: Payloads);
        await analysis.HoverMapAsync("#analyst-map");
        await analysis.CheckAsync($"/Analyst/Set/{first.SetId} with its tooltips open", tooltips: Payloads);
        await analysis.OpenAsync("/Analyst/Exclusions", names: [HostileExclusion]);
        await analysis.HoverMapAsync("#analyst-map");
        await analysis.CheckAsync("/Analyst/Exclusions with its tooltips open", tooltips: [.. Payloads, HostileExclusion]);
        await analysis.OpenAsync("/Dashboard/People");

        // The manager's dashboard, its reports page and the briefing PDF.
        await using var manager = await Desktop.OpenAsync(_address);
        var dashboard = Watch(manager.Page);
        await manager.SignInAsync("manager@demo.hotspots");
        await dashboard.OpenAsync("/Manager", names: [first.Name]);
        await dashboard.OpenAsync("/Dashboard/Crimes", names: Payloads);
        await dashboard.OpenAsync($"/Dashboard/Crimes?spot={first.Id}", names: [first.Name]);
        await dashboard.OpenAsync("/Dashboard/Compliance", names: [first.Name]);
        await dashboard.OpenAsync("/Dashboard/Impact");
        await dashboard.OpenAsync("/Dashboard/Leaderboards?period=month");
        await dashboard.OpenAsync("/Dashboard/Reports", names: Payloads);
        foreach (var (payload, spot) in spots)
            await BriefingShowsNameAsync(manager.Page, spot, payload);

        // The evaluator: a draft trial lists its spots by name.
        var trialId = await DraftTrialAsync();
        await using var evaluator = await Desktop.OpenAsync(_address);
        var trials = Watch(evaluator.Page);
        await evaluator.SignInAsync("evaluator@demo.hotspots");
        await trials.OpenAsync($"/Trials/Details/{trialId}", names: Payloads);

        _problems.ShouldBeEmpty(string.Join(Environment.NewLine, _problems));
    }

    /// <summary>
    /// Imports crimes at four places whose location texts are the payloads, refreshes and publishes the hot spots,
    /// and returns each payload's published spot (the test's starting point: each payload must have become a name).
    /// </summary>
    private async Task<IReadOnlyDictionary<string, PublishedHotspot>> PublishHostileSpotsAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_database.Folder.Path, "hostile")).FullName;
        var file = Path.Combine(folder, "hostile-places.csv");
        var force = _app.Service<ForceOptions>();
        var lastDay = DateOnly.FromDateTime(force.UtcToLocal(DateTime.UtcNow)).AddDays(-1);
        var csv = new StringBuilder("reference,offence_code,category,occurred_from,occurred_to,latitude,longitude,easting,northing,location,people,area_code\n");
        var n = 0;
        for (var p = 0; p < Payloads.Length; p++)
        {
            for (var k = 0; k < 60; k++)
            {
                var when = lastDay.AddDays(-5 * k).ToDateTime(new TimeOnly(22 + k % 2, 10 * (k % 6)));
                var lat = Middle.Latitude + Offsets[p].Lat + 0.00005 * (k % 3);
                var lon = Middle.Longitude + Offsets[p].Lon + 0.00005 * (k % 4);
                csv.Append(CultureInfo.InvariantCulture,
                    $"HOSTILE/{++n:0000},105A,Violence and sexual offences,{when:yyyy-MM-dd HH:mm},,{lat:0.000000},{lon:0.000000},,,{Quote(Payloads[p])},,\n");
            }
        }
        await File.WriteAllTextAsync(file, csv.ToString());

        await using var scope = _app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<IImports>()
            .ImportAsync(new ImportRequest(file, CrimeFileFormat.ForceRecordsCsv, "analyst@demo.hotspots"), null, CancellationToken.None);
        report.Imported.ShouldBe(n, "every hostile record is imported, not quarantined");
        var set = await scope.ServiceProvider.GetRequiredService<IHotspotModule>().RefreshAsync(publish: true, "analyst@demo.hotspots", CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IHotspotReview>()
            .AddExclusionAsync(new NewExclusion(HostileExclusion, Centre: new GeoPoint(51.4400, -0.9500), RadiusMetres: 80), "analyst@demo.hotspots", CancellationToken.None);

        var snapshot = await _app.Service<IHotspotSnapshot>().CurrentAsync(CancellationToken.None);
        snapshot.Set!.Id.ShouldBe(set.Id);
        var byName = snapshot.Spots.ToDictionary(s => s.Name);
        foreach (var payload in Payloads) byName.ShouldContainKey(payload, $"the published spots are named {string.Join(" | ", byName.Keys)}");
        return Payloads.ToDictionary(p => p, p => byName[p]);
    }

    private static string Quote(string text) => $"\"{text.Replace("\"", "\"\"")}\"";

    private async Task<long> DraftTrialAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var today = _app.Service<ForceOptions>().PoliceDay(DateTime.UtcNow);
        var trial = await scope.ServiceProvider.GetRequiredService<ITrials>()
            .CreateAsync(new TrialRequest("Hostile names", TrialDesign.FixedArms, 0.5, today.AddDays(7), 7, 2, 5, null), "evaluator@demo.hotspots", CancellationToken.None);
        return trial.Id;
    }

    /// <summary>The briefing PDF names the spot in drawn text (PDFsharp draws glyphs; nothing in a PDF is markup).</summary>
    private async Task BriefingShowsNameAsync(IPage page, PublishedHotspot spot, string payload)
    {
        var response = await page.APIRequest.GetAsync($"/Dashboard/Reports?handler=Briefing&id={spot.Id}");
        response.Status.ShouldBe(200);
        response.Headers["content-type"].ShouldStartWith("application/pdf");
        using var pdf = PdfDocument.Open(await response.BodyAsync());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        if (!Squeeze(text).Contains(Squeeze(payload), StringComparison.Ordinal))
            _problems.Add($"The briefing PDF of spot {spot.Id} does not show its name {payload} as text; it reads: {text[..Math.Min(300, text.Length)]}");
    }

    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");

    private PageWatch Watch(IPage page) => new(page, _problems);

    /// <summary>Everything a page does that the markup could cause: requests, refusals by the CSP, dialogs, script errors.</summary>
    private sealed class PageWatch
    {
        private readonly IPage _page;
        private readonly List<string> _problems;
        private readonly List<string> _requests = [];
        private readonly List<string> _refusals = [];
        private readonly List<string> _dialogs = [];
        private readonly List<string> _errors = [];

        public PageWatch(IPage page, List<string> problems)
        {
            _page = page;
            _problems = problems;
            page.Request += (_, r) => { lock (_requests) _requests.Add(r.Url); };
            page.Console += (_, m) =>
            {
                if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (_refusals) _refusals.Add(m.Text);
            };
            page.Dialog += (_, d) =>
            {
                lock (_dialogs) _dialogs.Add($"{d.Type}: {d.Message}");
                _ = d.DismissAsync();
            };
            page.PageError += (_, e) => { lock (_errors) _errors.Add(e); };
        }

        public async Task OpenAsync(string path, IReadOnlyList<string>? names = null)
        {
            var response = await _page.GotoAsync(path);
            response!.Status.ShouldBe(200, path);
            await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await CheckAsync(path, names);
        }

        /// <summary>
        /// Opens every tooltip of a Leaflet map, as hovering each shape would; where every shape has one
        /// (<paramref name="everyShape"/>), waits until all are shown.
        /// </summary>
        public async Task HoverMapAsync(string map, bool everyShape = true)
        {
            var shapes = _page.Locator($"{map} path.leaflet-interactive");
            await Assertions.Expect(shapes.First).ToBeAttachedAsync();
            var count = await shapes.CountAsync();
            for (var i = 0; i < count; i++) await shapes.Nth(i).DispatchEventAsync("mouseover");
            if (everyShape) await Assertions.Expect(_page.Locator($"{map} .leaflet-tooltip")).ToHaveCountAsync(count);
        }

        /// <summary>
        /// Checks the page as it stands: no element or attribute of the markup, no request to the image, no CSP
        /// refusal, no dialog, no script error; each name in <paramref name="names"/> shown as text, and each in
        /// <paramref name="tooltips"/> as the text of a map tooltip.
        /// </summary>
        public async Task CheckAsync(string where, IReadOnlyList<string>? names = null, IReadOnlyList<string>? tooltips = null)
        {
            await Task.Delay(300); // let an injected image's request and error (if any) happen before looking
            var injected = await _page.EvaluateAsync<string[]>("""
                () => {
                  const found = [];
                  for (const e of document.querySelectorAll("*")) {
                    for (const a of e.attributes) if (a.name.toLowerCase().startsWith("on")) found.push(e.outerHTML.slice(0, 120));
                  }
                  for (const e of document.querySelectorAll("img[src='x'], script:not([src]), iframe, object, embed, a[href^='javascript:' i]"))
                    found.push(e.outerHTML.slice(0, 120));
                  // Leaflet draws its shapes (and the flag in its attribution) as SVG; the app draws no other inline SVG here.
                  for (const e of document.querySelectorAll("svg")) if (e.closest(".leaflet-container") === null)
                    found.push(e.outerHTML.slice(0, 120));
                  for (const e of document.querySelectorAll(".leaflet-tooltip *, .leaflet-popup-content *"))
                    found.push(e.outerHTML.slice(0, 120));
                  return found;
                }
                """);
            foreach (var e in injected) _problems.Add($"{where}: an element from the records is in the page: {e}");

            string[] requests, refusals, dialogs, errors;
            lock (_requests) { requests = [.. _requests]; _requests.Clear(); }
            lock (_refusals) { refusals = [.. _refusals]; _refusals.Clear(); }
            lock (_dialogs) { dialogs = [.. _dialogs]; _dialogs.Clear(); }
            lock (_errors) { errors = [.. _errors]; _errors.Clear(); }
            foreach (var r in requests.Where(r => Uri.TryCreate(r, UriKind.Absolute, out var u) && u.AbsolutePath.Split('/')[^1] == "x"))
                _problems.Add($"{where}: the browser asked for the markup's image: {r}");
            foreach (var r in refusals) _problems.Add($"{where}: the content security policy refused something: {r}");
            foreach (var d in dialogs) _problems.Add($"{where}: a dialog opened: {d}");
            foreach (var e in errors) _problems.Add($"{where}: a script error: {e}");

            var text = await _page.Locator("body").TextContentAsync() ?? "";
            foreach (var name in names ?? [])
                if (!text.Contains(name, StringComparison.Ordinal)) _problems.Add($"{where}: the name {name} is not shown as text");
            if (tooltips is { Count: > 0 })
            {
                var shown = await _page.Locator(".leaflet-tooltip").AllTextContentsAsync();
                foreach (var name in tooltips)
                    if (!shown.Any(t => t.Contains(name, StringComparison.Ordinal)))
                        _problems.Add($"{where}: no map tooltip shows {name} as text (tooltips: {string.Join(" | ", shown)})");
            }
        }
    }
}

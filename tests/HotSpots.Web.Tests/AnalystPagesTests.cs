using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Geography;
using HotSpots.Testing;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace HotSpots.Web.Tests;

/// <summary>The analyst's hot spot pages through real HTTP: who may open them, drafts, briefings, publishing, exclusions, backtests, the CLI.</summary>
public sealed partial class AnalystPagesTests
{
    [Theory]
    [InlineData("analyst@demo.hotspots", HttpStatusCode.OK)]
    [InlineData("manager@demo.hotspots", HttpStatusCode.Forbidden)]
    [InlineData("supervisor@demo.hotspots", HttpStatusCode.Forbidden)]
    [InlineData("officer@demo.hotspots", HttpStatusCode.Forbidden)]
    [InlineData("admin@demo.hotspots", HttpStatusCode.Forbidden)]
    public async Task Only_analysts_open_the_hot_spot_pages(string email, HttpStatusCode expected)
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var client = await SignedInClient.SignInAsync(app, email);
        var setId = app.Service<IHotspotSnapshot>().Current.Set!.Id;
        foreach (var page in new[] { "/Analyst", $"/Analyst/Set/{setId}", "/Analyst/Exclusions", "/Analyst/Backtest" })
            (await client.GetAsync(page)).StatusCode.ShouldBe(expected, $"{page}; the server logged:\n{app.Errors.Summary()}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_analyst_makes_a_draft_edits_a_briefing_and_publishes_it(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var app = new HotSpotsApp(database);
        var analyst = await SignedInClient.SignInAsync(app, "analyst@demo.hotspots");
        var snapshot = app.Service<IHotspotSnapshot>();
        var before = snapshot.Current.Set!.Id;

        var home = await analyst.GetStringAsync("/Analyst");
        var draft = await analyst.PostAsync("/Analyst?handler=Draft", Form(home));
        draft.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var setUrl = draft.Headers.Location!.ToString();
        var setId = long.Parse(setUrl.Split('/').Last(), CultureInfo.InvariantCulture);
        var review = await analyst.GetStringAsync(setUrl);
        review.ShouldContain($"Set {setId}: draft");
        review.ShouldContain($"Compared with set {before} (published)");
        review.ShouldContain("persisting");
        review.ShouldContain("data-map=");
        snapshot.Current.Set!.Id.ShouldBe(before); // a draft changes nothing for officers

        var hotspotId = HotspotField().Match(review).Groups[1].Value;
        var saved = await analyst.PostAsync($"{setUrl}?handler=Briefing", Form(review, ("hotspotId", hotspotId), ("briefing", "Check the taxi rank at closing time.")));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        review = await analyst.GetStringAsync(setUrl);
        review.ShouldContain("Check the taxi rank at closing time.");
        var tooLong = await analyst.PostAsync($"{setUrl}?handler=Briefing", Form(review, ("hotspotId", hotspotId), ("briefing", new string('x', 2001))));
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refusedBriefing = await tooLong.Content.ReadAsStringAsync();
        refusedBriefing.ShouldContain("at most 2,000 are allowed");
        refusedBriefing.ShouldContain($"Set {setId}: draft", Case.Sensitive, "the set's own page is shown again");

        var published = await analyst.PostAsync($"{setUrl}?handler=Publish", Form(review));
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        snapshot.Current.Set!.Id.ShouldBe(setId);
        snapshot.Current.Find(long.Parse(hotspotId, CultureInfo.InvariantCulture))!.Briefing.ShouldBe("Check the taxi rank at closing time.");
        (await analyst.GetStringAsync(setUrl)).ShouldContain($"Set {setId} is published");

        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<IAuditLog>().SearchAsync(new AuditQuery(Actor: "analyst@demo.hotspots"), CancellationToken.None);
        audit.Select(a => a.Action).ShouldBe(["hotspot.set.publish", "hotspot.briefing.edit"]);
    }

    [Fact]
    public async Task An_exclusion_added_in_the_form_keeps_the_next_draft_off_that_place_and_bad_input_is_explained()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var analyst = await SignedInClient.SignInAsync(app, "analyst@demo.hotspots");
        var top = app.Service<IHotspotSnapshot>().Current.Spots[0];

        var page = await analyst.GetStringAsync("/Analyst/Exclusions");
        var refused = await analyst.PostAsync("/Analyst/Exclusions?handler=Add", Form(page, ("Name", "Two corners"), ("Kind", "area"),
            ("Corners", "51.45, -0.97\n51.46, -0.96")));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("An area needs at least 3 corners; 2 were given.");

        var centre = top.Centre;
        var added = await analyst.PostAsync("/Analyst/Exclusions?handler=Add", Form(page, ("Name", "Custody suite"), ("Kind", "point"),
            ("Latitude", centre.Latitude.ToString(CultureInfo.InvariantCulture)), ("Longitude", centre.Longitude.ToString(CultureInfo.InvariantCulture)),
            ("RadiusMetres", "500")));
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await analyst.GetStringAsync("/Analyst/Exclusions")).ShouldContain("500 m around");

        var draft = await analyst.PostAsync("/Analyst?handler=Draft", Form(await analyst.GetStringAsync("/Analyst")));
        var setId = long.Parse(draft.Headers.Location!.ToString().Split('/').Last(), CultureInfo.InvariantCulture);
        await using var scope = app.Services.CreateAsyncScope();
        var review = (await scope.ServiceProvider.GetRequiredService<IHotspotReview>().ReviewAsync(setId, CancellationToken.None))!;
        review.Spots.ShouldNotBeEmpty();
        var projection = app.Service<IMetricProjection>();
        var here = projection.Project(centre.Latitude, centre.Longitude);
        var circle = new GeometryFactory().CreatePoint(new Coordinate(here.X, here.Y)).Buffer(500 - 110); // a cell's centre within 500 m: its area may reach 106 m further
        foreach (var spot in review.Spots)
        {
            var detail = (await scope.ServiceProvider.GetRequiredService<IHotspotModule>().GetHotspotAsync(spot.Spot.Id, CancellationToken.None))!;
            new WKBReader().Read(detail.ProjectedPolygonWkb).Intersects(circle).ShouldBeFalse(spot.Spot.Name);
        }
        review.Dropped.Select(d => d.Id).ShouldContain(top.Id);
    }

    [Fact]
    public async Task A_backtest_asked_for_in_the_web_app_runs_as_a_job_and_shows_its_table_and_chart()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database);
        var analyst = await SignedInClient.SignInAsync(app, "analyst@demo.hotspots");
        var form = await analyst.GetStringAsync("/Analyst/Backtest");
        var asked = await analyst.PostAsync("/Analyst/Backtest", Form(form, ("Target", "Violence"), ("TrainMonths", "6"), ("Coverages", "1, 5")));
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = asked.Headers.Location!.ToString();

        var page = "";
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            page = WebUtility.HtmlDecode(await analyst.GetStringAsync(url));
            if (page.Contains("id=\"results\"") || page.Contains("It could not run")) break;
            await Task.Delay(500);
        }
        page.ShouldContain("id=\"results\"", customMessage: page);
        page.ShouldContain("counts (baseline)");
        page.ShouldContain("kde-200m (baseline)");
        page.ShouldContain("Walk-forward: yes");
        var svg = Encoding.UTF8.GetString(Convert.FromBase64String(ChartData().Match(page).Groups[1].Value));
        svg.ShouldContain("<svg");
        svg.ShouldContain("PAI"); // the axis title: text is drawn, so a font was found
    }

    [Fact]
    public async Task The_backtest_verb_prints_a_table_and_its_last_line_is_the_json_object()
    {
        using var folder = new TempDirectory();
        var file = folder.File("crimes.csv");
        var rows = new List<string> { "reference,category,occurred_from,easting,northing" };
        var random = new Random(5);
        for (var month = 1; month <= 16; month++)
            for (var i = 0; i < 300; i++)
            {
                // Violence concentrates in a few cells; other crime all over a 3 km square.
                var hot = i % 3 == 0;
                var (x, y) = hot ? (450_075 + 150 * random.Next(4), 200_025 + 150 * random.Next(3)) : (450_000 + 3000 * random.NextDouble(), 199_950 + 3000 * random.NextDouble());
                var category = hot || i % 5 == 0 ? "Violence and sexual offences" : "Anti-social behaviour";
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"R{rows.Count},{category},{2024 + (month - 1) / 12}-{(month - 1) % 12 + 1:00}-10 21:00,{x:0.0},{y:0.0}"));
            }
        await File.WriteAllLinesAsync(file, rows);

        var (code, output, error) = await RunCliAsync(folder.Path, "backtest", "--data", file, "--coverage", "1,5", "--json");
        code.ShouldBe(0, error);
        var lines = output.TrimEnd().Split('\n');
        lines[0].ShouldStartWith("Backtest: 4 test months (2025-01 to 2025-04)");
        using var json = JsonDocument.Parse(lines[^1]);
        var root = json.RootElement;
        root.GetProperty("windows").GetInt32().ShouldBe(4);
        root.GetProperty("walkForward").GetBoolean().ShouldBeTrue();
        root.GetProperty("seconds").GetDouble().ShouldBeGreaterThan(0);
        root.GetProperty("blendFittedMonths").GetInt32().ShouldBeInRange(0, 4);
        var results = root.GetProperty("results").EnumerateArray().ToList();
        results.Count.ShouldBe(6);
        results.Select(r => r.GetProperty("method").GetString()).Distinct().ShouldBe(["counts", "kde-200m", "hotspots"]);
        var first = results[0];
        foreach (var key in new[] { "baseline", "coverage", "hitRate", "pai", "pai10", "pai90", "pei" })
            first.TryGetProperty(key, out _).ShouldBeTrue(key);
        first.GetProperty("coverage").GetDouble().ShouldBe(1);

        var (badCode, _, badError) = await RunCliAsync(folder.Path, "backtest", "--data", file, "--target", "burglary");
        badCode.ShouldBe(2);
        badError.ShouldContain("unknown target 'burglary'");
    }

    /// <summary>Runs the app's command line as its own process, as ./run.sh does.</summary>
    private static async Task<(int Code, string Output, string Error)> RunCliAsync(string dataDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HotSpots.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["HOTSPOTS_DATA_DIR"] = dataDirectory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static FormUrlEncodedContent Form(string pageWithForm, params (string Name, string Value)[] fields)
    {
        var values = fields.ToDictionary(f => f.Name, f => f.Value);
        values["__RequestVerificationToken"] = SignedInClient.FormToken(pageWithForm);
        return new FormUrlEncodedContent(values);
    }

    [GeneratedRegex("name=\"hotspotId\" value=\"(\\d+)\"")]
    private static partial Regex HotspotField();

    [GeneratedRegex("id=\"pai-chart\" src=\"data:image/svg\\+xml;base64,([^\"]+)\"")]
    private static partial Regex ChartData();
}

using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Modules.Hotspots.Places;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform.Geography;
using NetTopologySuite.Geometries;

namespace HotSpots.Hotspots.Tests;

/// <summary>The pure rules of places no patrol can treat: names, the flagger, and the force's file of places.</summary>
public sealed class PlaceRulesTests
{
    [Theory]
    [InlineData("On or near Prison", PlaceKind.Prison)]
    [InlineData("On or near Woodhill Prison", PlaceKind.Prison)]
    [InlineData("HMP Bullingdon", PlaceKind.Prison)]
    [InlineData("on or near hmyoi aylesbury", PlaceKind.Prison)]
    [InlineData("Feltham Young Offender Institution", PlaceKind.Prison)]
    [InlineData("On or near Broadmoor Hospital", PlaceKind.SecureHospital)]
    [InlineData("Thornford Park Secure Unit", PlaceKind.SecureHospital)]
    [InlineData("On or near Hospital", PlaceKind.Hospital)]
    [InlineData("On or near John Radcliffe Hospital", PlaceKind.Hospital)]
    [InlineData("Royal Infirmary", PlaceKind.Hospital)]
    [InlineData("On or near Police Station", PlaceKind.PoliceStation)]
    [InlineData("Abingdon Police Investigation Centre", PlaceKind.CustodySuite)]
    [InlineData("On or near Loddon Valley Custody Suite", PlaceKind.CustodySuite)]
    public void A_location_that_names_such_a_place_has_its_kind(string location, PlaceKind kind) =>
        PlaceNames.KindOf(location).ShouldBe(kind);

    [Theory]
    [InlineData("On or near Prison Road")]
    [InlineData("On or near Hospital Hill")]
    [InlineData("On or near Hospital Lane")]
    [InlineData("On or near Police Lane")]
    [InlineData("On or near Broadmoor Road")]
    [InlineData("On or near Station Road")]
    [InlineData("On or near Petrol Station")]
    [InlineData("On or near HMP")]
    [InlineData("On or near Supermarket")]
    [InlineData("No Location")]
    [InlineData("")]
    public void Streets_and_other_places_are_not_flagged(string location) => PlaceNames.KindOf(location).ShouldBeNull();

    private const double Size = 150;

    /// <summary>Crimes as the ingestion module hands them over: (cell column, row, category, location) each.</summary>
    private static CrimeTable Table(params (int Column, int Row, string Category, string Place, int Count)[] groups)
    {
        var categories = new List<string> { CrimeCategories.ViolenceAndSexualOffences, "Shoplifting" };
        var places = groups.Select(g => g.Place).Distinct().ToList();
        var rows = groups.SelectMany(g => Enumerable.Repeat(g, g.Count)).ToList();
        var at = new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc).Ticks;
        return new CrimeTable(1,
            rows.Select(r => r.Column * Size + 20.0).ToArray(), rows.Select(r => r.Row * Size + 30.0).ToArray(),
            rows.Select(_ => at).ToArray(), rows.Select(_ => false).ToArray(),
            rows.Select(r => categories.IndexOf(r.Category)).ToArray(), rows.Select(r => places.IndexOf(r.Place)).ToArray(),
            categories, [100, 10], places);
    }

    private static FlagRequest Request(CrimeTable crimes, IReadOnlyList<IReadOnlyList<Cell>> spots, IReadOnlyList<KnownPlace>? places = null) => new(
        spots, Size, crimes, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc).Ticks,
        new HashSet<string> { CrimeCategories.ViolenceAndSexualOffences }, places ?? [], 0.25);

    [Fact]
    public void A_spot_is_flagged_when_a_quarter_of_its_target_crimes_are_recorded_at_such_a_place_with_the_count_and_cells()
    {
        var crimes = Table(
            (10, 10, CrimeCategories.ViolenceAndSexualOffences, "On or near Woodhill Prison", 9),
            (11, 10, CrimeCategories.ViolenceAndSexualOffences, "On or near High Street", 27),
            (11, 10, "Shoplifting", "On or near Hospital", 50), // not a target crime: does not count
            (20, 20, CrimeCategories.ViolenceAndSexualOffences, "On or near Police Station", 2),
            (21, 20, CrimeCategories.ViolenceAndSexualOffences, "On or near Market Place", 10));
        var flags = PlaceFlagger.Flag(Request(crimes, [[new(10, 10), new(11, 10)], [new(20, 20), new(21, 20)]]));

        var prison = flags[0].ShouldHaveSingleItem();
        (prison.Kind, prison.Place, prison.Match).ShouldBe((PlaceKind.Prison, "Woodhill Prison", PlaceMatch.RecordLocation));
        prison.Reason.ShouldBe("9 of the 36 target crimes here (25 %) are recorded \"On or near Woodhill Prison\": a prison by its name.");
        prison.Cells.ShouldBe([new Cell(10, 10)]);
        flags[1].ShouldBeEmpty(); // 2 of 12 at the police station: the spot is the market place's
    }

    [Fact]
    public void A_place_on_the_force_list_flags_the_spots_it_overlaps_but_not_those_it_only_touches()
    {
        var crimes = Table((10, 10, CrimeCategories.ViolenceAndSexualOffences, "On or near Gate Street", 8),
            (12, 10, CrimeCategories.ViolenceAndSexualOffences, "On or near Mill Lane", 8));
        var factory = new GeometryFactory();
        // A square 100 m across inside cell (10, 10) around the crimes there, and one whose edge only touches cell (12, 10).
        var inside = factory.CreatePolygon([new(1500, 1500), new(1600, 1500), new(1600, 1600), new(1500, 1600), new(1500, 1500)]);
        var touching = factory.CreatePolygon([new(1650, 1500), new(1800, 1500), new(1800, 1650), new(1650, 1650), new(1650, 1500)]);
        var flags = PlaceFlagger.Flag(Request(crimes, [[new(10, 10), new(11, 10)], [new(12, 10)]],
            [new KnownPlace("HMP Testshire", PlaceKind.Prison, inside), new KnownPlace("Touching", PlaceKind.CustodySuite, touching)]));

        var listed = flags[0].Single(f => f.Place == "HMP Testshire");
        listed.Match.ShouldBe(PlaceMatch.ForceList);
        listed.Reason.ShouldBe("HMP Testshire (prison, on the force's list of places) lies within the spot; 8 of the 8 target crimes here are inside it.");
        listed.Cells.ShouldBe([new Cell(10, 10)]);
        flags[0].ShouldContain(f => f.Place == "Touching" && f.Cells.SequenceEqual(new[] { new Cell(11, 10) }));
        flags[1].ShouldBeEmpty();
    }

    private static readonly IMetricProjection Projection = WktProjection.BritishNationalGrid();

    [Fact]
    public void A_csv_of_points_is_read_with_a_default_radius_and_quoted_names()
    {
        var (places, problems) = PlacesFile.Read(
            "Name, Kind ,Latitude,Longitude,Radius_m\n\"Bullingdon, HMP\",prison,51.8930,-1.0073,250\nBroadmoor,Secure Hospital,51.3691,-0.7810,\n",
            "places.csv", Projection);
        problems.ShouldBeEmpty();
        places.Select(p => (p.Name, p.Kind, p.RadiusMetres)).ShouldBe([("Bullingdon, HMP", PlaceKind.Prison, (double?)250), ("Broadmoor", PlaceKind.SecureHospital, 100)]);
        places[0].Shape.Area.ShouldBe(Math.PI * 250 * 250, Math.PI * 250 * 250 * 0.01);
        var at = Projection.Project(51.8930, -1.0073);
        places[0].Shape.Contains(new Point(at.X, at.Y)).ShouldBeTrue();
    }

    [Fact]
    public void A_csv_with_bad_rows_names_every_problem_by_line()
    {
        var (_, problems) = PlacesFile.Read(
            "name,kind,latitude,longitude,radius_m\nGood,prison,51.9,-1.0,\nJail,jail,51.9,-1.0,\n,prison,51.9,-1.0,\nFar,prison,151.9,-1.0,\nWide,prison,51.9,-1.0,9000\n",
            "mine.csv", Projection);
        problems.ShouldBe([
            "mine.csv line 3 (Jail): kind \"jail\" is not one of prison, secure-hospital, hospital, police-station, custody-suite.",
            "mine.csv line 4: give the place a name of at most 200 characters.",
            "mine.csv line 5: \"151.9, -1.0\" is not a latitude and longitude.",
            "mine.csv line 6: radius_m \"9000\" must be a number of metres between 10 and 2000.",
        ]);
        PlacesFile.Read("name,kind\nA,prison\n", "short.csv", Projection).Problems
            .ShouldBe(["short.csv: the header has no latitude, longitude column (expected name,kind,latitude,longitude,radius_m)."]);
        PlacesFile.Read("", "empty.csv", Projection).Problems.ShouldBe(["empty.csv is empty."]);
    }

    [Fact]
    public void GeoJSON_polygons_and_points_are_read_and_other_shapes_refused()
    {
        const string json = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"name":"HMP Huntercombe","kind":"prison"},
               "geometry":{"type":"Polygon","coordinates":[[[-1.021,51.587],[-1.017,51.587],[-1.017,51.589],[-1.021,51.589],[-1.021,51.587]]]}},
              {"type":"Feature","properties":{"name":"Reading custody","kind":"custody-suite","radius_m":60},
               "geometry":{"type":"Point","coordinates":[-0.97,51.45]}},
              {"type":"Feature","properties":{"name":"A line","kind":"prison"},
               "geometry":{"type":"LineString","coordinates":[[-1.0,51.0],[-1.1,51.1]]}}
            ]}
            """;
        var (places, problems) = PlacesFile.Read(json, "places.geojson", Projection);
        problems.ShouldBe(["places.geojson feature 3 (A line): a place is a Point, Polygon or MultiPolygon, not LineString."]);
        places.Select(p => (p.Name, p.Kind)).ShouldBe([("HMP Huntercombe", PlaceKind.Prison), ("Reading custody", PlaceKind.CustodySuite)]);
        places[0].Shape.Area.ShouldBeInRange(60_000, 70_000); // about 278 m × 222 m
        places[0].RadiusMetres.ShouldBeNull();
        places[1].RadiusMetres.ShouldBe(60);
        PlacesFile.Read("{\"type\":\"Point\",\"coordinates\":[0,0]}", "x.geojson", Projection).Problems.ShouldHaveSingleItem().ShouldContain("FeatureCollection");
    }
}

using System.IO.Compression;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Testing;

namespace HotSpots.Ingestion.Tests;

/// <summary>Mapping profiles: saved, checked, reused by name or recognised by the file's columns; the shipped Chicago profile.</summary>
public sealed class ProfileTests
{
    private const string ChicagoHeader = "ID,Case Number,Date,Block,IUCR,Primary Type,Description,Location Description,Arrest,Domestic,Beat,District,Ward,Community Area,FBI Code,X Coordinate,Y Coordinate,Updated On,Latitude,Longitude";

    // Chicago is far from the British grid: the force's projection setting is UTM zone 16N there.
    internal static readonly Dictionary<string, string?> ChicagoSettings = new()
    {
        ["Force:TimeZone"] = "America/Chicago",
        ["Geography:ProjectionName"] = "EPSG:32616",
        ["Geography:ProjectionWkt"] = "PROJCS[\"WGS 84 / UTM zone 16N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563],TOWGS84[0,0,0,0,0,0,0]]," +
                                      "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0]," +
                                      "PARAMETER[\"central_meridian\",-87],PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]",
    };

    [Fact]
    public async Task The_shipped_chicago_profile_reads_local_times_of_day_codes_and_categories()
    {
        await using var host = await IngestionHost.StartAsync(settings: ChicagoSettings);
        var file = host.File("chicago.csv");
        await File.WriteAllLinesAsync(file,
        [
            ChicagoHeader,
            "11227508,JB146365,01/01/2017 12:01:00 AM,027XX S WHIPPLE ST,1754,OFFENSE INVOLVING CHILDREN,AGG SEX ASSLT,RESIDENCE,false,false,1033,010,12,30,02,,,02/11/2018 03:57:41 PM,,",
            "10801120,JA100162,01/01/2017 01:30:00 PM,033XX W OGDEN AVE,031A,ROBBERY,ARMED: HANDGUN,\"SCHOOL, PUBLIC, BUILDING\",false,false,1024,010,24,29,03,1155023,1888410,02/10/2018 03:50:01 PM,41.851,-87.709",
            "10801121,JA100163,07/04/2017 11:45:00 PM,001XX N STATE ST,0820,THEFT,$500 AND UNDER,STREET,false,false,0111,001,42,32,06,1176328,1900877,02/10/2018 03:50:01 PM,41.884,-87.628",
            "10801122,JA100164,13/45/2017 11:45:00 PM,001XX N STATE ST,0820,THEFT,$500 AND UNDER,STREET,false,false,0111,001,42,32,06,,,02/10/2018 03:50:01 PM,,",
        ]);

        var report = await host.ImportAsync(file, CrimeFileFormat.Profile, "chicago");
        report.Imported.ShouldBe(3);
        report.Unmappable.ShouldBe(1);
        var problem = report.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Field).ShouldBe((5L, "Date"));
        var points = await host.PointsAsync();
        var robbery = points.Single(p => p.Category == "Robbery");
        robbery.OccurredUtc.ShouldBe(new DateTime(2017, 1, 1, 19, 30, 0, DateTimeKind.Utc)); // 1:30 PM CST is UTC-6
        robbery.HasTimeOfDay.ShouldBeTrue();
        robbery.Location.ShouldBe("033XX W OGDEN AVE");
        robbery.X.ShouldBe(441_000, 2_000);
        points.Single(p => p.Category == "Other theft").OccurredUtc.ShouldBe(new DateTime(2017, 7, 5, 4, 45, 0, DateTimeKind.Utc)); // CDT is UTC-5

        // Recognised by its columns without naming the profile; the same rows again add nothing.
        (await host.ImportAsync(file)).Unchanged.ShouldBe(3);
    }

    [Fact]
    public async Task An_analyst_profile_is_checked_saved_edited_and_used_by_name()
    {
        await using var host = await IngestionHost.StartAsync();
        var bad = new MappingProfile("shire", "", "shire", "Mars/Olympus", ["dd/MM/yyyy HH:mm"],
            new Dictionary<string, string> { ["reference"] = "Ref", ["category"] = "Type" }, new Dictionary<string, string>());
        (await Should.ThrowAsync<ProfileException>(() => host.Admin(m => m.SaveProfileAsync(bad, "analyst", CancellationToken.None))))
            .Message.ShouldContain("map a column to 'occurred_from'");
        var missingZone = bad with { Columns = new Dictionary<string, string>(bad.Columns) { ["occurred_from"] = "When" } };
        (await Should.ThrowAsync<ProfileException>(() => host.Admin(m => m.SaveProfileAsync(missingZone, "analyst", CancellationToken.None))))
            .Message.ShouldContain("'Mars/Olympus' is not a time zone");

        var profile = missingZone with
        {
            TimeZone = "Europe/London",
            Columns = new Dictionary<string, string>(missingZone.Columns) { ["latitude"] = "Lat", ["longitude"] = "Lon", ["people"] = "Who" },
            CategoryMap = new Dictionary<string, string> { ["GBH"] = "Violence and sexual offences", ["*"] = "Other crime" },
        };
        await host.Admin(m => m.SaveProfileAsync(profile, "analyst", CancellationToken.None));
        var profiles = await host.Admin(m => m.ListProfilesAsync(CancellationToken.None));
        profiles.Select(p => p.Name).ShouldBe(["chicago", "shire"]);
        profiles.Single(p => p.Name == "shire").ChangedBy.ShouldBe("analyst");

        var file = host.File("shire.csv");
        await File.WriteAllLinesAsync(file, ["Ref,When,Type,Lat,Lon,Who", "S1,04/07/2026 23:15,GBH,51.45,-0.97,P-1:suspect", "S2,05/07/2026 01:00,Fraud,,,"]);
        var report = await host.ImportAsync(file, CrimeFileFormat.Profile, "shire");
        report.Imported.ShouldBe(2);
        var points = await host.PointsAsync();
        points.Single().Category.ShouldBe("Violence and sexual offences");
        points.Single().OccurredUtc.ShouldBe(new DateTime(2026, 7, 4, 22, 15, 0, DateTimeKind.Utc));
        (await host.Data(m => m.GetMonthlyCountsAsync(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None)))
            .Select(c => c.Category).ShouldBe(["Other crime", "Violence and sexual offences"]);
    }

    [Fact]
    [Trait("Data", "Shared")]
    public async Task The_chicago_january_file_imports_with_its_times_of_day_intact()
    {
        var file = Path.Combine(RepositoryPaths.SharedData, "chicago", "crimes-2017-01.csv.gz");
        await using var host = await IngestionHost.StartAsync(settings: ChicagoSettings);
        var report = await host.ImportAsync(file);

        // shared/data/README.md: January 2017 has 21,967 rows, 179 of them without lat/lon.
        report.Imported.ShouldBe(21_967);
        report.Unmappable.ShouldBe(179);
        report.Quarantined.ShouldBe(0);
        var points = await host.PointsAsync();
        points.Count.ShouldBe(21_967 - 179);
        points.ShouldAllBe(p => p.HasTimeOfDay);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var local = points.Select(p => TimeZoneInfo.ConvertTimeFromUtc(p.OccurredUtc, zone)).ToList();
        local.ShouldAllBe(t => t.Year == 2017 && t.Month == 1);
        local.Select(t => t.Hour).Distinct().Count().ShouldBe(24);
        // Times are heaped on the hour, but most are not (README: 34 % exactly on the hour).
        (local.Count(t => t.Minute == 0) / (double)local.Count).ShouldBeInRange(0.2, 0.5);
        local.Count(t => t.Hour >= 18 || t.Hour < 6).ShouldBeGreaterThan(local.Count / 4);
    }
}

using HotSpots.Platform;
using HotSpots.Platform.Geography;

namespace HotSpots.Platform.Tests;

public sealed class ProjectionTests
{
    private readonly IMetricProjection _bng = WktProjection.BritishNationalGrid();

    [Fact]
    public void Oxford_projects_to_the_british_national_grid_within_a_few_metres()
    {
        // Reference: PostGIS ST_Transform of (-1.2577, 51.7520) from EPSG:4326 to EPSG:27700.
        var point = _bng.Project(51.7520, -1.2577);
        point.X.ShouldBe(451338.3, 3);
        point.Y.ShouldBe(206183.5, 3);
    }

    [Fact]
    public void Projecting_and_back_returns_the_same_position()
    {
        var there = _bng.Project(51.4545, -0.9730);
        var back = _bng.Unproject(there.X, there.Y);
        back.Latitude.ShouldBe(51.4545, 1e-6);
        back.Longitude.ShouldBe(-0.9730, 1e-6);
    }

    [Fact]
    public void Haversine_distance_of_one_degree_of_latitude_is_about_111_km()
    {
        Distance.Metres(new GeoPoint(51, -1), new GeoPoint(52, -1)).ShouldBe(111_195, 50);
    }
}

public sealed class ForceTimeTests
{
    private readonly ForceOptions _london = new() { TimeZone = "Europe/London", PoliceDayStartHour = 6 };

    [Fact]
    public void A_local_time_that_the_clocks_skip_is_moved_forward_by_the_gap()
    {
        // 29 March 2026: clocks go from 01:00 GMT to 02:00 BST, so 01:30 does not exist on the wall.
        _london.LocalToUtc(new DateTime(2026, 3, 29, 1, 30, 0)).ShouldBe(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc));
        _london.LocalToUtc(new DateTime(2026, 7, 1, 12, 0, 0)).ShouldBe(new DateTime(2026, 7, 1, 11, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("2026-07-01T04:59:00Z", "2026-06-30T05:00:00Z")] // 05:59 BST belongs to the day before
    [InlineData("2026-07-01T05:00:00Z", "2026-07-01T05:00:00Z")] // 06:00 BST starts a day
    [InlineData("2026-12-01T23:00:00Z", "2026-12-01T06:00:00Z")]
    public void A_police_day_runs_from_six_to_five_fifty_nine(string utc, string dayStartUtc)
    {
        _london.PoliceDayStartUtc(DateTime.Parse(utc).ToUniversalTime())
            .ShouldBe(DateTime.Parse(dayStartUtc).ToUniversalTime());
    }
}

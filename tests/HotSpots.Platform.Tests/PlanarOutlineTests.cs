using HotSpots.Platform.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Shouldly;
using Xunit;

namespace HotSpots.Platform.Tests;

public sealed class PlanarOutlineTests
{
    [Fact]
    public void Distance_to_a_square_is_checked_by_hand()
    {
        var outline = new PlanarOutline(new WKTReader().Read("POLYGON ((0 0, 150 0, 150 150, 0 150, 0 0))"));
        outline.MetresOutside(75, 75).ShouldBe(0);
        outline.MetresOutside(150, 40).ShouldBe(0); // on the edge
        outline.MetresOutside(160, 40).ShouldBe(10, 1e-9);
        outline.MetresOutside(-30, -40).ShouldBe(50, 1e-9); // to the corner: a 3-4-5 triangle
    }

    [Theory]
    [InlineData("POLYGON ((0 0, 300 0, 300 150, 150 150, 150 300, 0 300, 0 0))")]
    [InlineData("POLYGON ((0 0, 450 0, 450 450, 0 450, 0 0), (150 150, 300 150, 300 300, 150 300, 150 150))")]
    [InlineData("MULTIPOLYGON (((0 0, 150 0, 150 150, 0 150, 0 0)), ((300 300, 450 300, 450 450, 300 450, 300 300)))")]
    public void Distance_and_containment_agree_with_netTopologySuite_on_random_points(string wkt)
    {
        var polygon = new WKTReader().Read(wkt);
        var outline = new PlanarOutline(polygon);
        var random = new Random(5);
        for (var i = 0; i < 2000; i++)
        {
            var point = polygon.Factory.CreatePoint(new Coordinate(random.NextDouble() * 700 - 125, random.NextDouble() * 700 - 125));
            var expected = polygon.Contains(point) ? 0 : polygon.Distance(point);
            outline.MetresOutside(point.X, point.Y).ShouldBe(expected, 1e-6, point.ToString());
        }
    }
}

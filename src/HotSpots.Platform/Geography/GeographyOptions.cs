using Microsoft.Extensions.Configuration;

namespace HotSpots.Platform.Geography;

/// <summary>Settings section "Geography": the metric projection used for grids and distances.</summary>
public sealed class GeographyOptions
{
    /// <summary>Name of the projection; "EPSG:27700" (British National Grid) unless a WKT is given.</summary>
    public string ProjectionName { get; set; } = "EPSG:27700";

    /// <summary>WKT of another projected coordinate system, with its TOWGS84 shift. Empty means British National Grid.</summary>
    public string? ProjectionWkt { get; set; }

    public IMetricProjection CreateProjection() =>
        string.IsNullOrWhiteSpace(ProjectionWkt)
            ? WktProjection.BritishNationalGrid()
            : new WktProjection(ProjectionName, ProjectionWkt);

    public static GeographyOptions From(IConfiguration configuration) =>
        configuration.GetSection("Geography").Get<GeographyOptions>() ?? new GeographyOptions();
}

using HotSpots.Modules.Dashboard.Contracts;
using Microsoft.AspNetCore.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace HotSpots.Web.Feed;

/// <summary>The OData v4 feed for Power BI at /odata: read-only entity sets, server-side paging.</summary>
internal static class FeedModel
{
    public const string Route = "odata";

    /// <summary>Rows per page; Power BI follows the next links.</summary>
    public const int PageSize = 1000;

    public static IEdmModel Build()
    {
        var builder = new ODataConventionModelBuilder { Namespace = "HotSpots", ContainerName = "Feed" };
        builder.EntitySet<HotspotRow>("Hotspots");
        builder.EntitySet<VisitRow>("Visits");
        builder.EntitySet<ActivityRow>("Activities");
        builder.EntitySet<DosageRow>("Dosage");
        builder.EntitySet<PresenceRow>("Presence");
        builder.EntitySet<ActivityCountRow>("ActivityCounts");
        builder.EntitySet<CrimeRow>("Crimes");
        return builder.GetEdmModel();
    }

    public static void AddFeed(this IServiceCollection services) =>
        services.AddControllers().AddOData(o => o.AddRouteComponents(Route, Build())
            .Select().Filter().OrderBy().Count().SetMaxTop(PageSize * 10));
}

using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Routing.Controllers;

namespace HotSpots.Web.Feed;

/// <summary>The feed's entity sets; GET only. $filter, $select, $orderby, $top, $skip and $count work on each.</summary>
[Authorize(Policy = Policies.Feed)]
public sealed class HotspotsController(IDashboardModule dashboard) : ODataController
{
    [EnableQuery(PageSize = FeedModel.PageSize)]
    public async Task<IQueryable<HotspotRow>> Get(CancellationToken cancellationToken) =>
        (await dashboard.GetFeedAsync<HotspotRow>(cancellationToken)).AsQueryable();
}

[Authorize(Policy = Policies.Feed)]
public sealed class VisitsController(IDashboardModule dashboard) : ODataController
{
    [EnableQuery(PageSize = FeedModel.PageSize)]
    public async Task<IQueryable<VisitRow>> Get(CancellationToken cancellationToken) =>
        (await dashboard.GetFeedAsync<VisitRow>(cancellationToken)).AsQueryable();
}

[Authorize(Policy = Policies.Feed)]
public sealed class ActivitiesController(IDashboardModule dashboard) : ODataController
{
    [EnableQuery(PageSize = FeedModel.PageSize)]
    public async Task<IQueryable<ActivityRow>> Get(CancellationToken cancellationToken) =>
        (await dashboard.GetFeedAsync<ActivityRow>(cancellationToken)).AsQueryable();
}

[Authorize(Policy = Policies.Feed)]
public sealed class DosageController(IDashboardModule dashboard) : ODataController
{
    [EnableQuery(PageSize = FeedModel.PageSize)]
    public async Task<IQueryable<DosageRow>> Get(CancellationToken cancellationToken) =>
        (await dashboard.GetFeedAsync<DosageRow>(cancellationToken)).AsQueryable();
}

[Authorize(Policy = Policies.Feed)]
public sealed class PresenceController(IDashboardModule dashboard) : ODataController
{
    [EnableQuery(PageSize = FeedModel.PageSize)]
    public async Task<IQueryable<PresenceRow>> Get(CancellationToken cancellationToken) =>
        (await dashboard.GetFeedAsync<PresenceRow>(cancellationToken)).AsQueryable();
}

[Authorize(Policy = Policies.Feed)]
public sealed class ActivityCountsController(IDashboardModule dashboard) : ODataController
{
    [EnableQuery(PageSize = FeedModel.PageSize)]
    public async Task<IQueryable<ActivityCountRow>> Get(CancellationToken cancellationToken) =>
        (await dashboard.GetFeedAsync<ActivityCountRow>(cancellationToken)).AsQueryable();
}

[Authorize(Policy = Policies.Feed)]
public sealed class CrimesController(IDashboardModule dashboard) : ODataController
{
    [EnableQuery(PageSize = FeedModel.PageSize)]
    public async Task<IQueryable<CrimeRow>> Get(CancellationToken cancellationToken) =>
        (await dashboard.GetFeedAsync<CrimeRow>(cancellationToken)).AsQueryable();
}

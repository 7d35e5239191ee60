using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using Microsoft.AspNetCore.Authorization;

namespace HotSpots.Web.Accounts;

/// <summary>Analysts may see people; managers only while the dashboard setting allows it.</summary>
internal sealed class PeopleRequirement : IAuthorizationRequirement;

internal sealed class PeopleRequirementHandler(IServiceScopeFactory scopes) : AuthorizationHandler<PeopleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PeopleRequirement requirement)
    {
        if (context.User.IsInRole(Roles.Analyst))
        {
            context.Succeed(requirement);
            return;
        }
        if (!context.User.IsInRole(Roles.Manager)) return;
        await using var scope = scopes.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<IDashboardModule>().GetSettingsAsync(CancellationToken.None);
        if (settings.ManagersSeePeople) context.Succeed(requirement);
    }
}

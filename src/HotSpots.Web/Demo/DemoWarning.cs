using System.Security.Claims;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Web.Demo;

/// <summary>
/// What the layout shows an administrator, in red, on every page outside the Development environment: that demo mode is
/// on (started with --allow-demo-in-production), or that the database still holds demo sign-ins (an older ./run.sh seeded
/// them). Nothing in Development, nothing for other roles.
/// </summary>
internal sealed class DemoWarning(DemoOptions demo, IHostEnvironment environment, IServiceProvider services)
{
    public async Task<string?> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment() || !user.IsInRole(Roles.Admin)) return null;
        if (demo.Enabled)
            return $"Demo mode is on outside Development: this HotSpots was started with {DemoGate.Flag}. " +
                   "The demo sign-ins' password and authenticator key are published in the README, so anyone can sign in as its administrator. " +
                   "Keep no real data here.";
        // Resolved only for an administrator's page, so that other pages make no accounts context.
        var count = await DemoAccounts.In(services.GetRequiredService<UserManager<IdentityUser>>()).CountAsync(cancellationToken);
        return count == 0 ? null :
            $"This database holds {count} demo sign-in{(count == 1 ? "" : "s")} (…{DemoAccounts.Domain}) whose password and authenticator key are published in the README. " +
            "Remove them on the server: create-admin YOUR-EMAIL --remove-demo-accounts (docs/operations.md).";
    }
}

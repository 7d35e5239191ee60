using HotSpots.Platform.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Web.Demo;

/// <summary>
/// The demo's sign-ins in a database: every account whose email ends in @demo.hotspots (the six of the README and any
/// extra officers). Their password and authenticator key are published, so a real force removes them
/// (create-admin --remove-demo-accounts). Removing them deletes the sign-ins only: the demo's crimes, hot spots, teams,
/// officers' names in tasking and patrol history stay (they are made-up data, and nothing can sign in to them).
/// </summary>
internal static class DemoAccounts
{
    public const string Domain = "@demo.hotspots";

    public static IQueryable<IdentityUser> In(UserManager<IdentityUser> users) =>
        users.Users.Where(u => u.NormalizedEmail != null && u.NormalizedEmail.EndsWith("@DEMO.HOTSPOTS"));

    public static Task<List<string>> ListAsync(UserManager<IdentityUser> users, CancellationToken cancellationToken) =>
        In(users).OrderBy(u => u.NormalizedEmail).Select(u => u.Email!).ToListAsync(cancellationToken);

    /// <summary>Deletes every demo sign-in (with its roles, keys and logins) and audits each as account.delete; returns their emails.</summary>
    public static async Task<IReadOnlyList<string>> RemoveAsync(
        UserManager<IdentityUser> users, IAuditLog audit, string actor, string why, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var user in await In(users).OrderBy(u => u.NormalizedEmail).ToListAsync(cancellationToken))
        {
            var result = await users.DeleteAsync(user);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Could not remove the demo sign-in {user.Email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            await audit.RecordAsync(new AuditEntry(actor, "account.delete", user.Email!, why,
                "demo sign-in (published password and authenticator key) removed; the demo's data stays"), cancellationToken);
            removed.Add(user.Email!);
        }
        return removed;
    }
}

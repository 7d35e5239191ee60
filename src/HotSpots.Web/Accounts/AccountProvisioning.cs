using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Web.Accounts;

/// <summary>
/// Sign-in accounts made for the people an administrator adds (the roster import; the Users page may use it too). An
/// account is made without a password: the person sets one from an invitation. Every change is audited.
/// </summary>
public interface IAccountProvisioning
{
    /// <summary>Creates the account for <paramref name="email"/> with the one role, without a password; returns its user id.</summary>
    Task<string> CreateAsync(string email, string role, string by, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="role"/> the account's only role, and ends its sessions everywhere (a new security stamp).</summary>
    Task SetRoleAsync(string userId, string role, string by, CancellationToken cancellationToken);

    /// <summary>Every account with its email and roles, for a roster's plan.</summary>
    Task<IReadOnlyList<RosterAccount>> ListAsync(CancellationToken cancellationToken);
}

internal sealed class AccountProvisioning(UserManager<IdentityUser> users, UserAccounts accounts, AccountsDbContext db, IAuditLog audit) : IAccountProvisioning
{
    public async Task<string> CreateAsync(string email, string role, string by, CancellationToken cancellationToken)
    {
        CheckRole(role);
        await accounts.EnsureRolesAsync();
        if (await users.FindByEmailAsync(email) is not null) throw new ValidationException($"There is already an account for {email}.");
        var user = new IdentityUser { UserName = email, Email = email, LockoutEnabled = true };
        Check(await users.CreateAsync(user), email);
        Check(await users.AddToRoleAsync(user, role), email);
        await audit.RecordAsync(new AuditEntry(by, "account.create", $"account {email}", Details: $"role {role}, no password yet"), cancellationToken);
        return user.Id;
    }

    public async Task SetRoleAsync(string userId, string role, string by, CancellationToken cancellationToken)
    {
        CheckRole(role);
        await accounts.EnsureRolesAsync();
        var user = await users.FindByIdAsync(userId) ?? throw new ValidationException($"There is no account {userId}.");
        var held = await users.GetRolesAsync(user);
        if (held.Count == 1 && held[0] == role) return;
        Check(await users.RemoveFromRolesAsync(user, held), user.Email!);
        Check(await users.AddToRoleAsync(user, role), user.Email!);
        Check(await users.UpdateSecurityStampAsync(user), user.Email!);
        await audit.RecordAsync(new AuditEntry(by, "account.role", $"account {user.Email}", Details: $"{string.Join(" and ", held)} → {role}"), cancellationToken);
    }

    public async Task<IReadOnlyList<RosterAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles.AsNoTracking() on u.Id equals ur.UserId into links
                          from ur in links.DefaultIfEmpty()
                          join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id into roles
                          from r in roles.DefaultIfEmpty()
                          select new { u.Id, u.Email, Role = r != null ? r.Name : null }).ToListAsync(cancellationToken);
        return rows.Where(r => r.Email is not null).GroupBy(r => (r.Id, r.Email))
            .Select(g => new RosterAccount(g.Key.Email!, g.Key.Id, g.Where(r => r.Role is not null).Select(r => r.Role!).ToList().AsReadOnly()))
            .ToList();
    }

    private static void CheckRole(string role)
    {
        if (!Roles.All.Contains(role)) throw new ValidationException($"'{role}' is not a role: use one of {string.Join(", ", Roles.All)}.");
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded) throw new ValidationException($"The account for {email} was refused: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}

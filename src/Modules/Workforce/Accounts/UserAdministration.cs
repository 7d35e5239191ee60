using System.Net.Mail;
using HotSpots.Platform.Audit;
using HotSpots.Modules.Workforce.Accounts.Data;
using HotSpots.Modules.Workforce.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Workforce.Accounts;

/// <summary>
/// The administrator's work on people's accounts, for the users pages and the command line alike: list and search, add a
/// person with a one-time invitation link, disable and enable, a new password link, a reset of two-factor sign-in. Every
/// change is audited. Ending a person's sessions is the same security-stamp change as "sign out everywhere".
/// </summary>
internal sealed class UserAdministration(
    UserManager<IdentityUser> users,
    UserAccounts accounts,
    AccountsDbContext db,
    AccountNotes notes,
    OfficerRecords officers,
    InvitationSettings settings,
    IAuditLog audit,
    TimeProvider clock) : IUserAdministration
{
    public const int PageSize = 50;

    /// <summary>Lockout ends after this for a disabled account (Identity's own way to keep an account from signing in).</summary>
    private static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    /// <summary>
    /// Adds a person: their account through <see cref="CreateAccountAsync"/> (with an invitation link), then their name, team
    /// and collar number as an officer record when a name is given. For the Add-user page and the add-user verb.
    /// </summary>
    public async Task<Invitation> AddAsync(NewAccount request, string actor, CancellationToken cancellationToken)
    {
        var name = Blank(request.Name);
        var collar = Blank(request.Collar);
        if (name is { Length: > 100 }) throw new AccountException("A name is at most 100 characters.");
        if (collar is not null && (collar.Length > 16 || !collar.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '/')))
            throw new AccountException($"The collar number '{collar}' is not one: use letters, digits, spaces, '-' or '/', at most 16.");
        if ((request.TeamId is not null || collar is not null) && name is null)
            throw new AccountException("Give the person's name with their team or collar number: the live board and the leaderboards show it.");
        var created = await CreateAccountAsync(request.Email, request.Roles, actor, cancellationToken,
            details: $"name {name ?? "none"}; team {request.TeamId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}; collar {collar ?? "none"}");
        await officers.SaveAsync(created.UserId, name, request.TeamId, collar, actor, cancellationToken);
        return created.Invitation!;
    }

    /// <summary>
    /// The one way an account is made: by the Add-user page, the add-user verb, the roster (page and verb), create-admin, the
    /// demo seed and the first sign-in with the force's identity provider. It checks the email and the roles, refuses an
    /// email that has an account, makes the account with its roles and audits it (action account.create). Without
    /// <paramref name="password"/> or <paramref name="login"/> the account has no password and the result carries a one-time
    /// invitation link to set it (the link is not kept: show it once). With a password (create-admin, the demo) it is set,
    /// checked by the password policy; with a login (the identity provider's issuer and subject) the account is linked to
    /// it, and is removed again when that login is another account's. Neither has a link.
    /// </summary>
    public async Task<CreatedAccount> CreateAccountAsync(string email, IEnumerable<string> roles, string actor, CancellationToken cancellationToken,
        string? password = null, string? details = null, UserLoginInfo? login = null)
    {
        email = email.Trim();
        if (!IsEmail(email)) throw new AccountException($"'{email}' is not an email address.");
        var known = CheckRoles(roles);
        if (await users.FindByEmailAsync(email) is not null)
            throw new AccountException($"There is an account for {email} already. Open it on the users page to send a new password link or to enable it.");

        await accounts.EnsureRolesAsync();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
        Check(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password), $"create the account of {email}");
        Check(await users.AddToRolesAsync(user, known), $"give {email} their roles");
        if (login is not null && !(await users.AddLoginAsync(user, login)).Succeeded)
        {
            await users.DeleteAsync(user);
            throw new AccountLoginTakenException($"The sign-in {login.LoginProvider} {login.ProviderKey} is linked to another account.");
        }
        var invitation = password is null && login is null ? await InviteAsync(user, cancellationToken) : null;
        await audit.RecordAsync(new AuditEntry(actor, "account.create", Subject(user),
            Details: $"roles {string.Join(", ", known)}" + (details is null ? "" : $"; {details}") +
                     (invitation is not null ? $"; invitation valid until {invitation.ValidUntilUtc:yyyy-MM-dd HH:mm} UTC" : password is not null ? "; password set" : "")), cancellationToken);
        return new CreatedAccount(user, invitation);
    }

    /// <summary>The account of <paramref name="email"/>, made through <see cref="CreateAccountAsync"/> with the password when there is none; an existing one is returned unchanged.</summary>
    public async Task<IdentityUser> EnsureUserAsync(string email, string password, string actor, params string[] roles) =>
        await users.FindByEmailAsync(email.Trim())
        ?? (await CreateAccountAsync(email, roles, actor, CancellationToken.None, password)).User;

    /// <summary>Makes <paramref name="role"/> the account's only role and ends its sessions everywhere (a new security stamp); audited as account.role. Nothing happens when it is the only role already.</summary>
    public async Task SetOnlyRoleAsync(string userId, string role, string actor, CancellationToken cancellationToken)
    {
        var known = CheckRoles([role])[0];
        await accounts.EnsureRolesAsync();
        var user = await FindAsync(userId);
        var held = await users.GetRolesAsync(user);
        if (held.Count == 1 && held[0] == known) return;
        Check(await users.RemoveFromRolesAsync(user, held), $"change the roles of {user.Email}");
        Check(await users.AddToRoleAsync(user, known), $"change the roles of {user.Email}");
        Check(await users.UpdateSecurityStampAsync(user), $"end the sessions of {user.Email}");
        await audit.RecordAsync(new AuditEntry(actor, "account.role", Subject(user), Details: $"{string.Join(" and ", held)} → {known}"), cancellationToken);
    }

    /// <summary>Every account with its email and roles, for a roster's plan.</summary>
    public async Task<IReadOnlyList<RosterAccount>> RosterAccountsAsync(CancellationToken cancellationToken)
    {
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles.AsNoTracking() on u.Id equals ur.UserId into links
                          from ur in links.DefaultIfEmpty()
                          join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id into held
                          from r in held.DefaultIfEmpty()
                          select new { u.Id, u.Email, Role = r != null ? r.Name : null }).ToListAsync(cancellationToken);
        return rows.Where(r => r.Email is not null).GroupBy(r => (r.Id, r.Email))
            .Select(g => new RosterAccount(g.Key.Email!, g.Key.Id, g.Where(r => r.Role is not null).Select(r => r.Role!).ToList().AsReadOnly()))
            .ToList();
    }

    /// <summary>
    /// A new link to set a password. The old password stops working and every session and earlier link of the person ends
    /// now. Refused for a disabled account (enable it first).
    /// </summary>
    public async Task<Invitation> ResetPasswordAsync(string userId, string actor, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        if (IsDisabled(user)) throw new AccountException($"{user.Email} is disabled: enable the account first.");
        if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user), $"remove the password of {user.Email}");
        Check(await users.UpdateSecurityStampAsync(user), $"end the sessions of {user.Email}");
        var invitation = await InviteAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEntry(actor, "account.password-reset", Subject(user),
            Details: $"password removed, sessions ended; new link valid until {invitation.ValidUntilUtc:yyyy-MM-dd HH:mm} UTC"), cancellationToken);
        return invitation;
    }

    /// <summary>Turns two-factor sign-in off and replaces the authenticator key, ending every session: the person enrols again at their next sign-in when their role needs it.</summary>
    public async Task ResetTwoFactorAsync(string userId, string actor, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        Check(await users.SetTwoFactorEnabledAsync(user, false), $"turn off two-factor sign-in of {user.Email}");
        // A new key nobody has seen; the stamp changes with it, which ends every session.
        Check(await users.ResetAuthenticatorKeyAsync(user), $"reset the authenticator key of {user.Email}");
        await audit.RecordAsync(new AuditEntry(actor, "account.two-factor-reset", Subject(user), Details: "by an administrator; sessions ended"), cancellationToken);
    }

    /// <summary>The account can no longer sign in, and every open session of it ends (the security stamp changes).</summary>
    public async Task DisableAsync(string userId, string actor, string? actorId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        if (user.Id == actorId) throw new AccountException("You cannot disable your own account.");
        if (IsDisabled(user)) return;
        Check(await users.SetLockoutEnabledAsync(user, true), $"disable {user.Email}");
        Check(await users.SetLockoutEndDateAsync(user, DisabledUntil), $"disable {user.Email}");
        Check(await users.UpdateSecurityStampAsync(user), $"end the sessions of {user.Email}");
        await audit.RecordAsync(new AuditEntry(actor, "account.disable", Subject(user), Details: "sign-in refused, sessions ended"), cancellationToken);
    }

    /// <summary>Lets a disabled or locked account sign in again (with the password it had).</summary>
    public async Task EnableAsync(string userId, string actor, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        var was = StateOf(user, hasLogin: true);
        if (was is not (AccountState.Disabled or AccountState.Locked)) return;
        Check(await users.SetLockoutEndDateAsync(user, null), $"enable {user.Email}");
        Check(await users.ResetAccessFailedCountAsync(user), $"enable {user.Email}");
        await audit.RecordAsync(new AuditEntry(actor, "account.enable", Subject(user), Details: $"was {was.ToString().ToLowerInvariant()}"), cancellationToken);
    }

    /// <summary>The account an invitation link names, while the link is good: made for it, not used, not replaced, not expired, and the account not disabled.</summary>
    public async Task<IdentityUser?> FindInvitedAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token)) return null;
        var user = await users.FindByIdAsync(userId);
        if (user is null || IsDisabled(user)) return null;
        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<IdentityUser>.ResetPasswordTokenPurpose, token)
            ? user : null;
    }

    /// <summary>Sets the password through the link's token. Identity checks the token again and changes the stamp, so the link works once.</summary>
    public async Task<IdentityResult> AcceptAsync(IdentityUser user, string token, string password, CancellationToken cancellationToken)
    {
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            await notes.SetAsync(user.Id, AccountNotes.InvitedAt, null, cancellationToken);
            await audit.RecordAsync(new AuditEntry(user.UserName!, "account.invitation-accepted", Subject(user), Details: "password set"), cancellationToken);
        }
        return result;
    }

    /// <summary>One page of accounts by email, matching <paramref name="search"/> in the email or the name when given.</summary>
    public async Task<UserPage> ListAsync(string? search, int page, CancellationToken cancellationToken)
    {
        var people = await officers.AllAsync(cancellationToken);
        var query = db.Users.AsNoTracking();
        if (Blank(search) is { } text)
        {
            var upper = text.ToUpperInvariant();
            var byName = people.Values.Where(o => o.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(o => o.OfficerId).ToList();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || byName.Contains(u.Id));
        }
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var accounts = await query.OrderBy(u => u.NormalizedEmail).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new UserPage(await RowsAsync(accounts, people, cancellationToken), total, page, pages);
    }

    public async Task<UserRow?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : (await RowsAsync([user], await officers.AllAsync(cancellationToken), cancellationToken)).Single();
    }

    public Task<IReadOnlyList<TeamView>> TeamsAsync(CancellationToken cancellationToken) => officers.TeamsAsync(cancellationToken);

    public Task<(TeamView? Team, bool Created)> TeamAsync(string name, bool create, string by, CancellationToken cancellationToken) =>
        officers.TeamAsync(name, create, by, cancellationToken);

    public async Task<UserRow?> GetByEmailAsync(string email, CancellationToken cancellationToken) =>
        await users.FindByEmailAsync(email.Trim()) is { } user ? await GetAsync(user.Id, cancellationToken) : null;

    private async Task<List<UserRow>> RowsAsync(List<IdentityUser> accounts, IReadOnlyDictionary<string, OfficerView> people, CancellationToken cancellationToken)
    {
        var ids = accounts.Select(u => u.Id).ToList();
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var linked = (await db.UserLogins.Where(l => ids.Contains(l.UserId)).Select(l => l.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var noted = await notes.ReadAsync(ids, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return accounts.Select(u =>
        {
            var n = noted.GetValueOrDefault(u.Id);
            var person = people.GetValueOrDefault(u.Id);
            var state = StateOf(u, linked.Contains(u.Id));
            var invited = AccountNotes.Time(n, AccountNotes.InvitedAt);
            return new UserRow(u.Id, u.Email ?? u.UserName ?? u.Id, person?.DisplayName, person?.TeamName, person?.CollarNumber ?? n?.GetValueOrDefault(AccountNotes.Collar),
                [.. roles[u.Id].Order(StringComparer.Ordinal)], state, u.TwoFactorEnabled, AccountNotes.Time(n, AccountNotes.LastSignIn),
                state == AccountState.Invited ? invited : null,
                state == AccountState.Invited && invited is { } at && at + settings.Lifespan < now);
        }).ToList();
    }

    private async Task<Invitation> InviteAsync(IdentityUser user, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var now = clock.GetUtcNow();
        await notes.SetTimeAsync(user.Id, AccountNotes.InvitedAt, now, cancellationToken);
        return new Invitation(user.Email!, InvitationPath(user.Id, token), now.UtcDateTime + settings.Lifespan);
    }

    public static string InvitationPath(string userId, string token) =>
        $"/Account/Invitation?id={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";

    private async Task<IdentityUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new AccountException("There is no such account.");

    private AccountState StateOf(IdentityUser user, bool hasLogin) =>
        IsDisabled(user) ? AccountState.Disabled
        : user.LockoutEnd is { } end && end > clock.GetUtcNow() ? AccountState.Locked
        : user.PasswordHash is null && !hasLogin ? AccountState.Invited
        : AccountState.Active;

    private static bool IsDisabled(IdentityUser user) => user.LockoutEnd is { } end && end.Year >= 9000;

    private static string[] CheckRoles(IEnumerable<string> roles)
    {
        var known = new List<string>();
        foreach (var role in roles.Select(r => r.Trim()).Where(r => r.Length > 0))
            known.Add(Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase))
                      ?? throw new AccountException($"'{role}' is not a role. The roles are {string.Join(", ", Roles.All)}."));
        return known.Count > 0 ? [.. known.Distinct()] : throw new AccountException($"Choose at least one role: {string.Join(", ", Roles.All)}.");
    }

    private static bool IsEmail(string text) =>
        text.Length <= 256 && MailAddress.TryCreate(text, out var address) && address.Address == text && !text.Contains(' ', StringComparison.Ordinal);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Subject(IdentityUser user) => $"user {user.UserName}";

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new AccountException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}

using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform.Data;
using HotSpots.Platform.Revisions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenIddict.EntityFrameworkCore.Models;
using SessionStore = HotSpots.Modules.Workforce.Accounts.SessionStore;

namespace HotSpots.Modules.Workforce.Accounts.Data;

/// <summary>
/// ASP.NET Core Identity's tables (users, roles, logins) and OpenIddict's (machine clients, their tokens), prefixed
/// like the modules' tables.
/// </summary>
internal class AccountsDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options)
{
    public const string Module = "Accounts";

    /// <summary>
    /// Saves, and raises <see cref="IAccountIAccountSessions.Revision"/> in the same transaction when the write may end sessions: an
    /// account added or removed, its security stamp changed, or a session recorded as ended.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        // Identity keeps a session's roles in its cookie and does not change the security stamp with a role: a role added
        // or taken away gets the account a new stamp here, so the sessions that carry the old roles end.
        foreach (var userId in ChangeTracker.Entries<IdentityUserRole<string>>()
                     .Where(e => e.State is EntityState.Added or EntityState.Deleted).Select(e => e.Entity.UserId).Distinct().ToList())
            if (await Users.FindAsync([userId], cancellationToken) is { } changed)
                changed.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        ChangeTracker.DetectChanges();
        var endsSessions = ChangeTracker.Entries<IdentityUser>().Any(e =>
                e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && e.Property(u => u.SecurityStamp).IsModified))
            || ChangeTracker.Entries<IdentityUserToken<string>>().Any(e => e.Entity.LoginProvider == SessionStore.EndedProvider && e.State != EntityState.Unchanged);
        if (!endsSessions) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await Database.RaiseAsync(IAccountSessions.Revision, cancellationToken);
            return saved;
        }
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await Database.RaiseAsync(IAccountSessions.Revision, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<IdentityUser>().ToTable("accounts_users");
        builder.Entity<IdentityRole>().ToTable("accounts_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("accounts_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("accounts_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("accounts_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("accounts_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("accounts_role_claims");
        builder.UseOpenIddict();
        builder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("accounts_oidc_applications");
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("accounts_oidc_authorizations");
        builder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("accounts_oidc_scopes");
        builder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("accounts_oidc_tokens");
    }
}

internal sealed class AccountsSqliteContext(DbContextOptions<AccountsSqliteContext> options) : AccountsDbContext(options);

internal sealed class AccountsPostgresContext(DbContextOptions<AccountsPostgresContext> options) : AccountsDbContext(options);

internal sealed class AccountsSqliteDesignFactory : IDesignTimeDbContextFactory<AccountsSqliteContext>
{
    public AccountsSqliteContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<AccountsSqliteContext>(AccountsDbContext.Module));
}

internal sealed class AccountsPostgresDesignFactory : IDesignTimeDbContextFactory<AccountsPostgresContext>
{
    public AccountsPostgresContext CreateDbContext(string[] args) => new(DesignTime.Postgres<AccountsPostgresContext>(AccountsDbContext.Module));
}

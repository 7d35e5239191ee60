using System.Globalization;
using HotSpots.Modules.Workforce.Accounts.Data;
using HotSpots.Modules.Workforce.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Workforce.Accounts;

/// <summary>
/// The accounts' side of ending sessions on the server: each account's security stamp, and the sessions signed out,
/// kept as rows of Identity's user tokens table under <see cref="EndedProvider"/> (name: session id, value: when).
/// <see cref="AccountsDbContext"/> raises <see cref="IAccountSessions.Revision"/> with every write that may end a session.
/// </summary>
internal sealed class SessionStore(AccountsDbContext db, AccountNotes notes) : IAccountSessions
{
    /// <summary>The user tokens' login provider under which ended sessions are kept.</summary>
    public const string EndedProvider = "HotSpots.EndedSession";

    public async Task<AccountSessionState> ReadAsync(CancellationToken cancellationToken)
    {
        var stamps = await db.Users.AsNoTracking().Select(u => new { u.Id, u.SecurityStamp }).ToDictionaryAsync(u => u.Id, u => u.SecurityStamp ?? "", StringComparer.Ordinal, cancellationToken);
        var ended = await db.UserTokens.AsNoTracking().Where(t => t.LoginProvider == EndedProvider).Select(t => t.Name).ToListAsync(cancellationToken);
        return new AccountSessionState(stamps, ended.ToHashSet(StringComparer.Ordinal));
    }

    public async Task EndAsync(string userId, string sessionId, DateTime endedUtc, DateTime forgetBeforeUtc, CancellationToken cancellationToken)
    {
        var before = forgetBeforeUtc.ToString("O", CultureInfo.InvariantCulture);
        await db.UserTokens.Where(t => t.LoginProvider == EndedProvider && string.Compare(t.Value, before) < 0).ExecuteDeleteAsync(cancellationToken);
        if (!await db.UserTokens.AnyAsync(t => t.UserId == userId && t.LoginProvider == EndedProvider && t.Name == sessionId, cancellationToken))
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = EndedProvider, Name = sessionId, Value = endedUtc.ToString("O", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task NoteSignInAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken) =>
        notes.SetTimeAsync(userId, AccountNotes.LastSignIn, at, cancellationToken);
}

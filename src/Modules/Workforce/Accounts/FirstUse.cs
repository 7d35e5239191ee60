using HotSpots.Modules.Workforce.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Workforce.Accounts;

internal sealed class FirstUse(AccountNotes notes, Data.AccountsDbContext db, TimeProvider clock) : IFirstUse
{
    public const string GuideSeen = "GuideSeen";

    public Task<bool> HasSeenGuideAsync(string userId, CancellationToken cancellationToken) =>
        db.UserTokens.AnyAsync(t => t.UserId == userId && t.LoginProvider == AccountNotes.Provider && t.Name == GuideSeen, cancellationToken);

    public Task MarkGuideSeenAsync(string userId, CancellationToken cancellationToken) =>
        notes.SetTimeAsync(userId, GuideSeen, clock.GetUtcNow(), cancellationToken);
}

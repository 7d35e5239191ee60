using System.Globalization;
using HotSpots.Modules.Workforce.Accounts.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Workforce.Accounts;

/// <summary>
/// Small facts about an account that Identity's user row has no column for — the last sign-in, when the newest invitation
/// was made, the collar number — kept as rows of Identity's user tokens table under the provider name "HotSpots" (as
/// Identity keeps the authenticator key there), so that the accounts schema needs no change. Written straight to the
/// table: never the user row, so a note never clashes with a concurrent change of the account.
/// </summary>
internal sealed class AccountNotes(AccountsDbContext db)
{
    public const string Provider = "HotSpots";
    public const string LastSignIn = "LastSignIn";
    public const string InvitedAt = "InvitedAt";
    public const string Collar = "Collar";

    public async Task SetAsync(string userId, string name, string? value, CancellationToken cancellationToken)
    {
        var row = await db.UserTokens.SingleOrDefaultAsync(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name, cancellationToken);
        if (value is null)
        {
            if (row is null) return;
            db.UserTokens.Remove(row);
        }
        else if (row is null)
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = Provider, Name = name, Value = value });
        else
            row.Value = value;
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task SetTimeAsync(string userId, string name, DateTimeOffset at, CancellationToken cancellationToken) =>
        SetAsync(userId, name, at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>The notes of the given accounts: user id → note name → value.</summary>
    public async Task<Dictionary<string, Dictionary<string, string>>> ReadAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var rows = await db.UserTokens.AsNoTracking()
            .Where(t => t.LoginProvider == Provider && userIds.Contains(t.UserId))
            .Select(t => new { t.UserId, t.Name, t.Value })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Name, r => r.Value ?? ""));
    }

    public static DateTime? Time(IReadOnlyDictionary<string, string>? notes, string name) =>
        notes is not null && notes.TryGetValue(name, out var text)
        && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at : null;
}

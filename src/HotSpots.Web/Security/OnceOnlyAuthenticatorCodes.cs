using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace HotSpots.Web.Security;

/// <summary>
/// Authenticator codes (RFC 6238) taken once: a code is accepted for the steps from two before to two after the
/// server's clock (as Identity's own provider does, for phones whose clocks drift), and only for a step later than the
/// last one accepted for the account, which is kept with the account (a user token). So a code someone saw typed in
/// cannot be used again, on this node or any other.
/// </summary>
internal sealed class OnceOnlyAuthenticatorCodes : AuthenticatorTokenProvider<IdentityUser>
{
    public const string Name = "HotSpotsAuthenticator";
    private const string Store = "HotSpots";
    private const string LastStep = "AuthenticatorLastStep";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<IdentityUser> manager, IdentityUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStep), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        for (var step = now - 2; step <= now + 2; step++)
        {
            if (step <= last) continue;
            var expected = Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(token))) continue;
            // Saved with the account's concurrency stamp: of two uses of one code at the same moment, one fails to save.
            var saved = await manager.SetAuthenticationTokenAsync(user, Store, LastStep, step.ToString(CultureInfo.InvariantCulture));
            return saved.Succeeded;
        }
        return false;
    }
}

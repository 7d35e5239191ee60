namespace HotSpots.Testing;

/// <summary>
/// Authenticator codes for tests, each used once per account as the app requires: the app refuses a code of a 30-second
/// step it has already accepted for that account, so a test that signs the same account in twice within a step gives
/// the next step's code (the app accepts codes up to two steps ahead of its clock, as Identity did), and waits for the
/// clock when three steps in a row are taken.
/// </summary>
public static class AuthenticatorCodes
{
    private static readonly Dictionary<string, long> LastStep = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>
    /// A code for <paramref name="account"/> (for example the database and the email) of a step not given before for it.
    /// </summary>
    public static async Task<string> NextAsync(string account, string base32Key)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var current = now.ToUnixTimeSeconds() / 30;
            lock (Gate)
            {
                var step = Math.Max(current, LastStep.GetValueOrDefault(account, long.MinValue) + 1);
                if (step <= current + 2)
                {
                    LastStep[account] = step;
                    return HotSpots.Web.Security.Totp.Code(base32Key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(30 - now.ToUnixTimeSeconds() % 30) + TimeSpan.FromMilliseconds(100));
        }
    }
}

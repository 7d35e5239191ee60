using System.Text;
using Microsoft.AspNetCore.Identity;

namespace HotSpots.Web.Security;

/// <summary>
/// The password rule (as the NCSC advises: length and a deny list, not character classes): at least 12
/// characters, not a common password or a common password with digits and symbols added or letters swapped for
/// look-alikes, not the sign-in name, and not one character or keyboard run repeated.
/// </summary>
internal sealed class PasswordPolicy : IPasswordValidator<IdentityUser>
{
    public const int MinimumLength = 12;

    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password)
    {
        password ??= "";
        var core = Core(password);
        var name = (user.Email ?? user.UserName ?? "").Split('@')[0].ToLowerInvariant();
        string? problem =
            core.Length == 0 || Common.Contains(core) || Common.Contains(password.ToLowerInvariant()) || IsRun(core)
                ? "This password is too common: pick a longer phrase of unrelated words."
            : name.Length >= 3 && Deleet(password.ToLowerInvariant()).Contains(Deleet(name), StringComparison.Ordinal)
                ? "The password must not contain your sign-in name."
            : null;
        return Task.FromResult(problem is null ? IdentityResult.Success : IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = problem }));
    }

    /// <summary>The password without digits and symbols at its ends, look-alikes swapped back, in lower case.</summary>
    internal static string Core(string password)
    {
        var lower = Deleet(password.ToLowerInvariant());
        return lower.Trim("0123456789!\"£$%^&*()-_=+[]{};:'@#~,.<>/?\\| ".ToCharArray());
    }

    private static string Deleet(string text)
    {
        var builder = new StringBuilder(text.Length);
        // Only inside a word: '1' and '!' at the end of a password are more often a suffix than an 'i'.
        for (var i = 0; i < text.Length; i++)
        {
            var inside = i > 0 && i < text.Length - 1 && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);
            builder.Append(text[i] switch
            {
                '0' when inside => 'o', '1' when inside => 'i', '3' when inside => 'e', '4' when inside => 'a',
                '5' when inside => 's', '7' when inside => 't', '@' when inside => 'a', '$' when inside => 's', '!' when inside => 'i',
                var c => c,
            });
        }
        return builder.ToString();
    }

    private static bool IsRun(string core)
    {
        if (core.Distinct().Count() <= 2) return true;
        const string rows = "abcdefghijklmnopqrstuvwxyz qwertyuiop asdfghjkl zxcvbnm 1234567890 1q2w3e4r5t6y 1qaz2wsx3edc";
        return core.Length >= 4 && rows.Contains(core, StringComparison.Ordinal);
    }

    /// <summary>Among the most common passwords in published breach lists, and words a police force's staff are likely to try.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "password", "passwords", "passwort", "pass", "passw0rd", "p@ssword", "p@ssw0rd", "secret", "letmein", "welcome", "welcomeback",
        "admin", "administrator", "root", "changeme", "changeit", "default", "login", "access", "master", "qwerty", "qwertyuiop",
        "azerty", "asdfgh", "asdfghjkl", "zxcvbnm", "iloveyou", "loveyou", "trustno", "trustnoone", "monkey", "dragon", "shadow",
        "sunshine", "princess", "football", "baseball", "soccer", "cricket", "rugby", "liverpool", "arsenal", "chelsea", "manchester",
        "superman", "batman", "starwars", "pokemon", "michael", "jennifer", "jessica", "charlie", "thomas", "hunter", "ranger",
        "jordan", "harley", "maggie", "ginger", "summer", "winter", "autumn", "spring", "computer", "internet", "whatever",
        "freedom", "hello", "helloworld", "abc", "abcdef", "abcdefgh", "abcdefghijkl", "qazwsx", "zaq", "zaqxsw", "mustang",
        "cheese", "chocolate", "cookie", "flower", "butterfly", "purple", "orange", "banana", "pepper", "matrix", "killer",
        "london", "england", "britain", "scotland", "wales", "police", "policeuk", "policing", "constable", "sergeant", "inspector",
        "officer", "copper", "hotspots", "hotspot", "patrol", "patrolling", "demo", "test", "testing", "tester", "guest", "user",
        "letmeinplease", "correcthorsebatterystaple", "ilovemyself", "mypassword", "newpassword", "oldpassword", "temppassword",
        "passwordpassword", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "friday", "blink", "qwe", "qweasd", "qweasdzxc", "asd", "aaa", "abc",
        "123456789012", "1234567890", "0987654321", "1q2w3e4r5t6y", "1qaz2wsx3edc", "123qwe", "1234qwer", "qwer1234",
    };
}

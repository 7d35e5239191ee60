using System.Security.Claims;

namespace HotSpots.Web.Accounts;

/// <summary>
/// Who is signed in, read one way everywhere: the account's id (the modules' officer and supervisor id) and its sign-in
/// name (who did it, in the audit log).
/// </summary>
internal static class CurrentUser
{
    /// <summary>The signed-in account's id; throws on a request without one (every caller sits behind a sign-in policy).</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindUserId() ?? throw new InvalidOperationException("The request has no signed-in user with an id.");

    /// <summary>The account's id, or null when nobody (or a machine client) is signed in.</summary>
    public static string? FindUserId(this ClaimsPrincipal? user) => user?.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The signed-in account's sign-in name, as the audit log records who acted; throws on a request without one.</summary>
    public static string SignInName(this ClaimsPrincipal user) =>
        user.Identity?.Name is { Length: > 0 } name ? name : throw new InvalidOperationException("The request has no signed-in user with a name.");
}

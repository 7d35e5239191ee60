using System.Security.Claims;
using HotSpots.Platform.Audit;
using HotSpots.Web.Accounts;
using HotSpots.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Account;

/// <summary>Enrolment in two-factor sign-in with an authenticator app (TOTP), resetting it, and signing out everywhere.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AuthenticatorModel(UserManager<IdentityUser> users, IUserStore<IdentityUser> store, SignInManager<IdentityUser> signIn, IAuditLog audit, SecurityOptions security) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string OtpAuthUri { get; private set; } = "";
    public string QrCodeSvg { get; private set; } = "";
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not { } user) return Challenge();
        if (Enabled) return RedirectToPage();
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = "That code is not right. Check the key in your app and enter the code shown now.";
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(new AuditEntry(user.UserName!, "account.two-factor-on", $"user {user.UserName}"), cancellationToken);
        // This session now counts as signed in with two factors; the stamp change ends any other session.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TwoFactorGate.MethodClaim, TwoFactorGate.MultiFactor)]);
        return LocalRedirect("/");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(new AuditEntry(user.UserName!, "account.two-factor-reset", $"user {user.UserName}"), cancellationToken);
        // Signed in again without the second factor: the gate sends a user whose role needs it back here.
        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(new AuditEntry(user.UserName!, "account.sign-out-everywhere", $"user {user.UserName}"), cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }

    private async Task<IdentityUser?> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return null;
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = security.TwoFactorRoles.Any(User.IsInRole);
        if (Enabled) return user;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) && store is IUserAuthenticatorKeyStore<IdentityUser> keys)
        {
            // A first key, without changing the security stamp (that would sign the user out on their other devices).
            key = users.GenerateNewAuthenticatorKey();
            await keys.SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        key ??= "";
        FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        OtpAuthUri = Totp.Uri("HotSpots", user.UserName!, key);
        QrCodeSvg = AuthenticatorQrCode.Svg(OtpAuthUri);
        return user;
    }
}

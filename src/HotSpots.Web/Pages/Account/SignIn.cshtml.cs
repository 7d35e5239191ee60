using System.ComponentModel.DataAnnotations;
using HotSpots.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<IdentityUser> signIn, SecurityOptions security, HotSpots.Platform.Audit.IAuditLog audit) : PageModel
{
    [BindProperty, Required, EmailAddress]
    public string Email { get; set; } = "";

    [BindProperty, Required]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>Arrived from signing out.</summary>
    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    /// <summary>The text of the link that signs in with the force's identity provider; null while none is configured.</summary>
    public string? ProviderButton => security.OpenIdConnect.Enabled ? security.OpenIdConnect.DisplayName : null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Error = "Enter your email address and password.";
            return Page();
        }
        var user = await signIn.UserManager.FindByEmailAsync(Email);
        var wasLocked = user is not null && await signIn.UserManager.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user?.UserName ?? Email, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/TwoFactor", new { ReturnUrl });
        // One answer for a wrong password, an unknown email and a locked account, so that the page never tells which
        // accounts exist; the lockout is in the audit log, where an administrator sees it.
        if (result.IsLockedOut && user is not null)
        {
            var who = user.UserName!;
            await audit.RecordAsync(wasLocked
                ? new HotSpots.Platform.Audit.AuditEntry(who, "account.sign-in-refused", $"user {who}", Details: "password sign-in while the account is locked")
                : new HotSpots.Platform.Audit.AuditEntry(who, "account.lockout", $"user {who}", Details: $"locked for 15 minutes after {signIn.Options.Lockout.MaxFailedAccessAttempts} wrong passwords or codes"),
                HttpContext.RequestAborted);
        }
        Error = "The email address or password is not right.";
        return Page();
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Account;

/// <summary>The second step of signing in for users with an authenticator app. Wrong codes count towards lockout.</summary>
[AllowAnonymous]
public sealed class TwoFactorModel(SignInManager<IdentityUser> signIn) : PageModel
{
    [BindProperty, Required]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage("/Account/SignIn", new { ReturnUrl });
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Error = result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in 15 minutes, or ask an administrator."
            : "That code is not right. Codes change every 30 seconds: enter the one shown now.";
        return Page();
    }
}

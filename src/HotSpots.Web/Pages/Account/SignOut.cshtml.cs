using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Account;

/// <summary>
/// Signing out is a POST with the antiforgery token (the header's form, or the button here): it ends the session on the
/// server, so that a copy of the cookie is refused afterwards on every node. A GET only offers the button.
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<IdentityUser> signIn) : PageModel
{
    public string? SignedInAs { get; private set; }

    public void OnGet() => SignedInAs = User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true) await HttpContext.RequestServices.GetRequiredService<Sessions>().EndAsync(User, HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn", new { signedOut = true });
    }
}

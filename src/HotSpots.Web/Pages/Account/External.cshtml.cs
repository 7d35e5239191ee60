using HotSpots.Web.Accounts;
using HotSpots.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Account;

/// <summary>
/// Signing in with the force's identity provider: the sign-in page's link (a GET, so that the redirect to the provider
/// is no form post that the content security policy's form-action would stop) starts it here, and the provider's
/// answer comes back here to be made a HotSpots session or refused. Not found while the provider is not configured.
/// </summary>
[AllowAnonymous]
public sealed class ExternalModel(SecurityOptions security, ForceSignIn forceSignIn) : PageModel
{
    public string? Refusal { get; private set; }

    public IActionResult OnGet(string? returnUrl)
    {
        if (!security.OpenIdConnect.Enabled) return NotFound();
        var back = Url.Page("/Account/External", "Callback", new { returnUrl = Local(returnUrl) });
        return Challenge(new AuthenticationProperties { RedirectUri = back }, OpenIdConnectSignIn.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        if (!security.OpenIdConnect.Enabled) return NotFound();
        var vouched = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        // The provider's identity is needed only for this request.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!vouched.Succeeded) return Refuse("Signing in with your force account did not finish. Start again.");
        var outcome = await forceSignIn.SignInAsync(vouched.Principal, cancellationToken);
        if (outcome.Done) return LocalRedirect(Local(returnUrl));
        if (outcome.NeedsCode) return RedirectToPage("/Account/TwoFactor", new { ReturnUrl = Local(returnUrl) });
        return Refuse(outcome.Refusal!);
    }

    public IActionResult OnGetFailed() =>
        security.OpenIdConnect.Enabled
            ? Refuse("Signing in with your force account did not work: it was cancelled, refused or took too long. Start again, or ask your administrator.")
            : NotFound();

    private PageResult Refuse(string message)
    {
        Refusal = message;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private string Local(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}

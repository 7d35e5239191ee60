using System.ComponentModel.DataAnnotations;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;
using HotSpots.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Account;

/// <summary>
/// A new person's (or a reset person's) one-time link: they choose a password, are signed in, and enrol an authenticator
/// app next when their role needs it (the enrolment page). The link works once, until its lifespan ends, and not for a
/// disabled account.
/// </summary>
[AllowAnonymous]
public sealed class InvitationModel(SignInManager<IdentityUser> signIn) : PageModel
{
    private IUserAdministration Administration => HttpContext.RequestServices.GetRequiredService<IUserAdministration>();

    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    [BindProperty, DataType(DataType.Password)] public string Password { get; set; } = "";
    [BindProperty, DataType(DataType.Password)] public string Confirm { get; set; } = "";

    public string? Email { get; private set; }
    public bool Usable { get; private set; }
    public bool NeedsTwoFactor { get; private set; }
    public bool SignInNext { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public static int MinimumLength => PasswordPolicy.MinimumLength;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Gone() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not { } user) return Gone();
        if (Password != Confirm)
        {
            Errors = ["The two passwords are not the same."];
            return Page();
        }
        var result = await Administration.AcceptAsync(user, Token!, Password, cancellationToken);
        if (!result.Succeeded)
        {
            Errors = [.. result.Errors.Select(e => e.Description)];
            return Page();
        }
        if (user.TwoFactorEnabled)
        {
            // A new password is no second factor: this person signs in with both, as always.
            Usable = false;
            SignInNext = true;
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(NeedsTwoFactor ? TwoFactorGate.EnrolPath : "/");
    }

    private async Task<IdentityUser?> LoadAsync()
    {
        var user = await Administration.FindInvitedAsync(Id, Token);
        if (user is null) return null;
        Usable = true;
        Email = user.Email;
        NeedsTwoFactor = (await signIn.UserManager.GetRolesAsync(user)).Any(HttpContext.RequestServices.GetRequiredService<SecurityOptions>().TwoFactorRoles.Contains);
        return user;
    }

    private PageResult Gone()
    {
        Usable = false;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}

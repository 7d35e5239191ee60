using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Admin.Users;

/// <summary>
/// One person's account: what it is, and the administrator's changes to it, each after a confirmation step: disable (no
/// more sign-in, every session ends), enable, a new password link (shown once), a reset of two-factor sign-in. Audited.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class PersonModel(InvitationSettings settings) : PageModel
{
    private IUserAdministration Administration => HttpContext.RequestServices.GetRequiredService<IUserAdministration>();

    /// <summary>The change waiting for confirmation: disable, password or two-factor; none shows the account.</summary>
    [BindProperty(SupportsGet = true)] public string? Confirm { get; set; }

    internal UserRow Account { get; private set; } = null!;
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public string? Link { get; private set; }
    public DateTime ValidUntilUtc { get; private set; }
    public bool IsYou { get; private set; }

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken cancellationToken) =>
        await LoadAsync(userId, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostDisableAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, () => Administration.DisableAsync(userId, User.SignInName(), User.FindUserId(), cancellationToken),
            "Disabled. They cannot sign in, and their open sessions end within seconds.", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, () => Administration.EnableAsync(userId, User.SignInName(), cancellationToken),
            "Enabled. They can sign in again with their password.", cancellationToken);

    public Task<IActionResult> OnPostTwoFactorAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, () => Administration.ResetTwoFactorAsync(userId, User.SignInName(), cancellationToken),
            "Two-factor sign-in is reset and their sessions have ended. If their role needs it, they set up an authenticator app again at their next sign-in.", cancellationToken);

    public Task<IActionResult> OnPostPasswordAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, async () =>
        {
            var invitation = await Administration.ResetPasswordAsync(userId, User.SignInName(), cancellationToken);
            Link = invitation.Link(settings.PublicAddress ?? new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}"));
            ValidUntilUtc = invitation.ValidUntilUtc;
            Response.Headers.CacheControl = "no-store";
        }, "Their password is removed and their sessions have ended. Give them the new link to set a password.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(string userId, Func<Task> change, string done, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            Message = done;
        }
        catch (AccountException e)
        {
            Error = e.Message;
        }
        Confirm = null;
        return await LoadAsync(userId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        if (await Administration.GetAsync(userId, cancellationToken) is not { } account) return false;
        Account = account;
        IsYou = account.Id == User.FindUserId();
        if (Confirm is not ("disable" or "password" or "two-factor")) Confirm = null;
        return true;
    }
}

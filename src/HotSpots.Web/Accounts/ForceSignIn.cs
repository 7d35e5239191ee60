using System.Security.Claims;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace HotSpots.Web.Accounts;

/// <summary>
/// Signs in a person whom the force's identity provider vouches for. The provider's role or group claim decides the
/// HotSpots roles on every sign-in (a role taken away there is taken away here); the local account is the one linked to
/// the provider's issuer and subject, made on the first sign-in; the session is the app's usual cookie. When the settings
/// name a team or collar claim, the officer record follows those claims on every sign-in too. Every sign-in, refusal, new
/// account, role change and officer record change goes into the audit log.
/// </summary>
public sealed class ForceSignIn(
    UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, SecurityOptions security, IAuditLog audit,
    IWorkforce workforce, IWorkforceAdministration administration, IServiceProvider services, ILogger<ForceSignIn> log)
{
    private OpenIdConnectSettings Settings => security.OpenIdConnect;

    /// <param name="vouched">The identity the provider's ID token gave, claims as the token names them.</param>
    internal async Task<ForceSignInOutcome> SignInAsync(ClaimsPrincipal vouched, CancellationToken cancellationToken)
    {
        var issuer = vouched.FindFirstValue(ProviderClaims.Issuer);
        var subject = vouched.FindFirstValue(ProviderClaims.Subject);
        if (issuer is null || subject is null)
            return ForceSignInOutcome.Refused("Your force account's answer did not say who you are. Try again, or ask your administrator.");
        var email = Email(vouched);
        var who = email ?? $"{issuer} {subject}";
        var roles = Settings.RolesFor(vouched.FindAll(Settings.RoleClaim).Select(c => c.Value));
        var multiFactor = vouched.HasClaim(ProviderClaims.AuthenticationMethods, TwoFactorGate.MultiFactor);
        var user = await users.FindByLoginAsync(issuer, subject);

        if (roles.Count == 0)
        {
            // Taken out of every HotSpots group: the account keeps no role, so its other sessions lose them at their next check.
            if (user is not null) await SetRolesAsync(user, roles, cancellationToken);
            return await RefuseAsync(who, $"no HotSpots role for the {Settings.RoleClaim} claim",
                "Your force account gives you no role in HotSpots. Ask your administrator to add you to a HotSpots group.", cancellationToken);
        }
        var needSecondFactor = roles.Where(security.TwoFactorRoles.Contains).ToList();
        if (needSecondFactor.Count > 0 && Settings.RequireMfa && !multiFactor)
            return await RefuseAsync(who, $"roles {string.Join(", ", needSecondFactor)} without multi-factor at the provider",
                $"Your role ({string.Join(", ", needSecondFactor)}) needs multi-factor sign-in, and your force account did not confirm that you used it. " +
                "Sign in to your force account with multi-factor authentication and try again.", cancellationToken);

        if (user is null)
        {
            if (email is null)
                return await RefuseAsync(who, "no email address from the provider",
                    "Your force account did not give HotSpots your email address. Ask your administrator.", cancellationToken);
            if (await users.FindByEmailAsync(email) is not null)
                return await RefuseAsync(who, "an account with this email exists and is not linked to the provider",
                    $"HotSpots has an account for {email} already that is not linked to your force account. Ask your administrator.", cancellationToken);
            // Made the one way accounts are made (internal, so asked of the services rather than taken in the constructor).
            try
            {
                user = (await services.GetRequiredService<IUserAdministration>().CreateAccountAsync(email, roles, email, cancellationToken,
                    details: $"linked to {issuer} subject {subject}", login: new UserLoginInfo(issuer, subject, Settings.DisplayName))).User;
            }
            catch (AccountLoginTakenException)
            {
                return await RefuseAsync(who, "the provider's account is linked to another HotSpots account",
                    "Your force account is linked to another HotSpots account. Ask your administrator.", cancellationToken);
            }
            catch (AccountException e)
            {
                return await RefuseAsync(who, $"the account could not be made: {e.Message}",
                    "HotSpots could not make your account from what your force account gave. Ask your administrator.", cancellationToken);
            }
        }
        else await SetRolesAsync(user, roles, cancellationToken);
        await FollowTeamAndCollarAsync(user, vouched, roles, cancellationToken);

        var details = $"provider {issuer}; roles {string.Join(", ", roles)}; multi-factor at the provider: {(multiFactor ? "yes" : "no")}";
        if (multiFactor)
        {
            if (await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
                return await RefuseAsync(user.UserName!, "account locked", Locked, cancellationToken);
            // The provider checked the second factor: the session counts as two-factor, as after the authenticator code.
            await signIn.SignInWithClaimsAsync(user, isPersistent: false,
                [new Claim(TwoFactorGate.MethodClaim, TwoFactorGate.MultiFactor), new Claim(ClaimTypes.AuthenticationMethod, issuer)]);
            await audit.RecordAsync(new AuditEntry(user.UserName!, "account.sign-in-provider", $"user {user.UserName}", Details: details), cancellationToken);
            return ForceSignInOutcome.SignedIn;
        }
        // Without the provider's second factor, as after a password: an account with an authenticator app gives its code next.
        var result = await signIn.ExternalLoginSignInAsync(issuer, subject, isPersistent: false, bypassTwoFactor: false);
        if (!result.Succeeded && !result.RequiresTwoFactor)
            return await RefuseAsync(user.UserName!, result.IsLockedOut ? "account locked" : "account may not sign in", Locked, cancellationToken);
        await audit.RecordAsync(new AuditEntry(user.UserName!, "account.sign-in-provider", $"user {user.UserName}",
            Details: details + (result.RequiresTwoFactor ? "; authenticator code asked next" : "")), cancellationToken);
        return result.RequiresTwoFactor ? ForceSignInOutcome.CodeNext : ForceSignInOutcome.SignedIn;
    }

    private const string Locked = "This account is locked. Try again in 15 minutes, or ask an administrator.";

    /// <summary>Makes the account's roles exactly <paramref name="roles"/>, and audits what changed.</summary>
    private async Task SetRolesAsync(IdentityUser user, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var current = await users.GetRolesAsync(user);
        var added = roles.Except(current).ToList();
        var removed = current.Except(roles).ToList();
        if (added.Count == 0 && removed.Count == 0) return;
        if (removed.Count > 0) Check(await users.RemoveFromRolesAsync(user, removed), user);
        if (added.Count > 0) Check(await users.AddToRolesAsync(user, added), user);
        await audit.RecordAsync(new AuditEntry(user.UserName!, "account.roles-change", $"user {user.UserName}",
            Details: $"from the force's identity provider: added {Listed(added)}; removed {Listed(removed)}"), cancellationToken);
    }

    /// <summary>
    /// With <see cref="OpenIdConnectSettings.TeamClaim"/> or <see cref="OpenIdConnectSettings.CollarClaim"/> set, the
    /// person's officer record takes the team (created when new) and the collar number the claims give, as roles follow the
    /// role claim: a claim that is missing clears what it maps. Saved through Workforce, which audits a change (officer.create
    /// or officer.update, under the person's sign-in name) and nothing when nothing changes. A value Workforce refuses (a
    /// retired team, a collar number another officer holds) is audited as account.claims-refused and does not stop the sign-in.
    /// </summary>
    private async Task FollowTeamAndCollarAsync(IdentityUser user, ClaimsPrincipal vouched, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var teamClaim = Blank(Settings.TeamClaim);
        var collarClaim = Blank(Settings.CollarClaim);
        if (teamClaim is null && collarClaim is null) return;
        var held = await workforce.FindOfficerAsync(user.Id, cancellationToken);
        var teamName = teamClaim is null ? null : Blank(vouched.FindFirstValue(teamClaim));
        var collar = collarClaim is null ? held?.CollarNumber : Blank(vouched.FindFirstValue(collarClaim));
        if (held is null && teamName is null && collar is null) return; // nothing to record
        var by = user.UserName!;
        try
        {
            var teamId = teamClaim is null ? held?.TeamId
                : teamName is null ? null
                : (await workforce.ListTeamsAsync(cancellationToken)).FirstOrDefault(t => string.Equals(t.Name, teamName, StringComparison.OrdinalIgnoreCase))?.Id
                  ?? (await administration.CreateTeamAsync(teamName, by, cancellationToken)).Id;
            var name = held?.DisplayName ?? Blank(vouched.FindFirstValue(Settings.NameClaim)) ?? user.Email!;
            await administration.SaveOfficerAsync(
                new OfficerRecord(user.Id, name, collar, teamId, Supervisor: teamId is not null && roles.Contains(Roles.Supervisor)), by, cancellationToken);
        }
        catch (ValidationException e)
        {
            log.LogWarning("Team and collar claims of {User} not applied: {Reason}", by, e.Message);
            await audit.RecordAsync(new AuditEntry(by, "account.claims-refused", $"user {by}",
                Details: $"from the force's identity provider: team {teamName ?? "none"}, collar {collar ?? "none"}: {e.Message}"), cancellationToken);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<ForceSignInOutcome> RefuseAsync(string who, string reason, string message, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(new AuditEntry(who, "account.sign-in-refused", $"user {who}", Details: $"force identity provider: {reason}"), cancellationToken);
        return ForceSignInOutcome.Refused(message);
    }

    /// <summary>The email claim, or the sign-in name when it is an address (Entra's preferred_username usually is).</summary>
    private static string? Email(ClaimsPrincipal vouched) =>
        new[] { vouched.FindFirstValue(ProviderClaims.Email), vouched.FindFirstValue(ProviderClaims.PreferredUsername) }
            .FirstOrDefault(v => v is not null && v.Contains('@', StringComparison.Ordinal) && !v.StartsWith('@') && !v.EndsWith('@'));

    private static string Listed(List<string> roles) => roles.Count == 0 ? "none" : string.Join(", ", roles);

    private static void Check(IdentityResult result, IdentityUser user)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not set the roles of {user.UserName}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}

/// <summary>How a sign-in with the force's identity provider ended: signed in, on to the authenticator code, or refused with a message for the person.</summary>
internal sealed record ForceSignInOutcome(bool Done, bool NeedsCode, string? Refusal)
{
    public static readonly ForceSignInOutcome SignedIn = new(true, false, null);
    public static readonly ForceSignInOutcome CodeNext = new(false, true, null);

    public static ForceSignInOutcome Refused(string message) => new(false, false, message);
}

/// <summary>The ID token's claim names (OpenID Connect Core), kept as the token has them.</summary>
internal static class ProviderClaims
{
    public const string Issuer = "iss";
    public const string Subject = "sub";
    public const string AuthenticationMethods = "amr";
    public const string Email = "email";
    public const string PreferredUsername = "preferred_username";
}

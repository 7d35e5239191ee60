using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HotSpots.Modules.Workforce.Accounts;

/// <summary>
/// Identity's data-protection token provider with its own name, purpose and lifespan, for invitation and password-reset
/// links. A token carries the account's security stamp: setting the password, a new invitation, disabling the account or
/// any other stamp change makes every earlier link useless, as does the end of its lifespan.
/// </summary>
internal sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<IdentityUser>> logger)
    : DataProtectorTokenProvider<IdentityUser>(protection, options, logger)
{
    public const string ProviderName = "Invitation";
}

internal sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions() => Name = InvitationTokenProvider.ProviderName;
}

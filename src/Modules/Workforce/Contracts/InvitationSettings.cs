using Microsoft.Extensions.Configuration;

namespace HotSpots.Modules.Workforce.Contracts;

/// <summary>
/// Settings section "Accounts": how long an invitation link stays valid, and the public address that links printed on
/// the command line start with.
/// </summary>
public sealed class InvitationSettings
{
    /// <summary>Hours an invitation (or password reset) link stays valid; "Accounts:InvitationHours", 72 by default.</summary>
    public double InvitationHours { get; init; } = 72;

    /// <summary>
    /// The app's public address ("Api:Issuer", as the token endpoint names it), e.g. https://hotspots.force.police.uk/; null
    /// when not set. The command line starts invitation links with it; pages use the address the browser asked for.
    /// </summary>
    public Uri? PublicAddress { get; init; }

    public TimeSpan Lifespan => TimeSpan.FromHours(InvitationHours);

    public static InvitationSettings From(IConfiguration configuration)
    {
        var text = configuration["Accounts:InvitationHours"];
        var hours = 72.0;
        if (!string.IsNullOrWhiteSpace(text)
            && (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out hours)
                || !double.IsFinite(hours) || hours <= 0 || hours > 24 * 31))
            throw new InvalidOperationException($"Setting Accounts:InvitationHours is '{text}'; it must be a number of hours, more than 0 and at most {24 * 31} (31 days).");
        var issuer = configuration["Api:Issuer"];
        Uri? address = null;
        if (!string.IsNullOrWhiteSpace(issuer) && !Uri.TryCreate(issuer, UriKind.Absolute, out address))
            throw new InvalidOperationException($"Setting Api:Issuer is '{issuer}'; it must be the app's public address, e.g. https://hotspots.force.police.uk/.");
        return new InvitationSettings { InvitationHours = hours, PublicAddress = address };
    }
}

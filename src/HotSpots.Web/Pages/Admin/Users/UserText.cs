using System.Globalization;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;

namespace HotSpots.Web.Pages.Admin.Users;

/// <summary>How the users pages say an account's state and a time: plain words, en-GB dates in UTC.</summary>
internal static class UserText
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string State(UserRow row) => row.State switch
    {
        AccountState.Invited => row.InvitationExpired ? "Invited (link expired)" : "Invited",
        AccountState.Active => "Active",
        AccountState.Disabled => "Disabled",
        AccountState.Locked => "Locked (wrong passwords)",
        _ => row.State.ToString(),
    };

    public static string Tag(UserRow row) => row.State switch
    {
        AccountState.Active => "users-state tag ok",
        AccountState.Invited => row.InvitationExpired ? "users-state tag stop" : "users-state tag warn",
        _ => "users-state tag stop",
    };

    public static string When(DateTime? utc) => utc is { } at ? at.ToString("d MMM yyyy, HH:mm", EnGb) + " UTC" : "never";
}

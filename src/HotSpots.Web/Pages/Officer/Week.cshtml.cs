using System.Globalization;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Officer;

/// <summary>"My week": the signed-in officer's own minutes in spots, visits and spots this police week and last, and their place in their team where the force allows. No one else's.</summary>
[Authorize(Policy = Policies.Patrol)]
public sealed class WeekModel(IDashboardModule dashboard, ForceOptions force) : PageModel
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public MyWeek Week { get; private set; } = null!;

    public int DayStartHour => force.PoliceDayStartHour;

    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", EnGb);

    public static string Minutes(double minutes) => minutes.ToString("N0", EnGb);

    /// <summary>1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st…</summary>
    public static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Week = await dashboard.GetMyWeekAsync(User.UserId(), cancellationToken);
}

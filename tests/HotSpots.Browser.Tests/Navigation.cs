using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>
/// Waits for the browser's address. Playwright's .NET WaitForURLAsync then waits for the page's load event, and can
/// miss it when the page loads just as the wait begins (playwright-dotnet issue 3364; seen here on a busy CI machine:
/// the page shown, the wait timed out). The address is polled here instead; the steps after it wait for the elements
/// they use.
/// </summary>
internal static class Navigation
{
    private const float Patience = 90_000;

    public static Task ArriveAsync(IPage page, Regex address) =>
        Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = Patience });

    public static Task LeaveAsync(IPage page, Regex address) =>
        Assertions.Expect(page).Not.ToHaveURLAsync(address, new() { Timeout = Patience });
}

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>axe-core's checks of a page as it stands (WCAG 2.1 A and AA), and that it fits its window without sideways scrolling.</summary>
internal static class Accessibility
{
    public static async Task CheckAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var problems = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Take(8).Select(n => string.Join(" ", n.Target)))}").ToList();
        problems.ShouldBeEmpty($"axe-core on {what} ({page.Url})");
        var (scroll, width) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        scroll.ShouldBeLessThanOrEqualTo(width, $"{what} is wider than the window ({page.Url})");
    }
}

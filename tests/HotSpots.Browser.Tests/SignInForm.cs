using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>
/// Signs in through the sign-in page as a person would, with the demo authenticator code where the role needs it.
/// When a step does not move on, the failure says where the browser stayed, what the server answered and what the
/// page showed.
/// </summary>
internal static class SignInForm
{
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await SubmitAsync(page, leaving: "/Account/SignIn");
        if (!page.Url.Contains("/Account/TwoFactor")) return;
        // Roles that need two-factor sign-in: the demo accounts' authenticator code.
        await page.GetByLabel("Code").FillAsync(HotSpots.Testing.SignedInClient.DemoCode());
        await SubmitAsync(page, leaving: "/Account/");
    }

    private static async Task SubmitAsync(IPage page, string leaving)
    {
        var answers = new List<string>();
        void Answered(object? _, IResponse r)
        {
            if (r.Request.Method == "POST") lock (answers) answers.Add($"{r.Status} {r.Url}");
        }
        page.Response += Answered;
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains(leaving));
        }
        catch (TimeoutException e)
        {
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(unreadable)");
            string posts;
            lock (answers) posts = answers.Count == 0 ? "none" : string.Join("; ", answers);
            throw new TimeoutException($"Signing in stayed on {page.Url}. Answers to the form: {posts}. The page showed: {text.Trim()}", e);
        }
        finally
        {
            page.Response -= Answered;
        }
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HotSpots.Browser.Tests;

/// <summary>
/// Signs in through the sign-in page as a person would, with the demo authenticator code where the role needs it.
/// When a step does not move on, the failure says where the browser stayed, what the server answered and what the
/// page showed.
/// </summary>
internal static class SignInForm
{
    private static readonly Regex SignInPage = new("/Account/SignIn");
    private static readonly Regex AccountPages = new("/Account/");

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await SubmitAsync(page, leaving: SignInPage);
        if (!page.Url.Contains("/Account/TwoFactor")) return;
        // Roles that need two-factor sign-in: the demo accounts' authenticator code, each step's once per account (the app
        // refuses a code used before), the app's address standing for its database.
        var code = await HotSpots.Testing.AuthenticatorCodes.NextAsync(
            $"{new Uri(page.Url).GetLeftPart(UriPartial.Authority)}|{email}", HotSpots.Web.Demo.DemoOptions.AuthenticatorKey);
        await page.GetByLabel("Code").FillAsync(code);
        await SubmitAsync(page, leaving: AccountPages);
    }

    private static async Task SubmitAsync(IPage page, Regex leaving)
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
            await Navigation.LeaveAsync(page, leaving);
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
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

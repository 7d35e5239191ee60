using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HotSpots.Testing;

/// <summary>An HTTP client signed in through the real sign-in form, carrying the antiforgery token for API posts.</summary>
public static partial class SignedInClient
{
    public const string DemoPassword = HotSpots.Web.Demo.DemoOptions.Password;

    /// <summary>
    /// The current authenticator code of <paramref name="key"/> (the demo accounts' by default). The app accepts each
    /// step's code once per account: to sign one account in more than once, use <see cref="AuthenticatorCodes"/>.
    /// </summary>
    public static string DemoCode(string? key = null) =>
        HotSpots.Web.Security.Totp.Code(key ?? HotSpots.Web.Demo.DemoOptions.AuthenticatorKey, DateTimeOffset.UtcNow);

    /// <summary>
    /// Signs in through the real form; when the account uses an authenticator app, also through the code page, with the
    /// code computed from <paramref name="authenticatorKey"/> (the demo accounts' key by default).
    /// </summary>
    public static async Task<HttpClient> SignInAsync(HotSpotsApp app, string email, string password = DemoPassword, string? authenticatorKey = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInWithAsync(app.Database.Folder.Path, email, password, authenticatorKey);
        return client;
    }

    /// <summary>A code for <paramref name="email"/>'s key not given before for that account in <paramref name="app"/>'s database.</summary>
    public static Task<string> NextCodeAsync(HotSpotsApp app, string email, string? key = null) =>
        AuthenticatorCodes.NextAsync($"{app.Database.Folder.Path}|{email}", key ?? HotSpots.Web.Demo.DemoOptions.AuthenticatorKey);

    /// <summary>
    /// Signs <paramref name="client"/> (which keeps cookies and does not follow redirects) in through the real form.
    /// <paramref name="accounts"/> names the database the accounts live in, so that each authenticator code is used
    /// once per account there (<see cref="AuthenticatorCodes"/>).
    /// </summary>
    public static async Task SignInWithAsync(this HttpClient client, string accounts, string email, string password = DemoPassword, string? authenticatorKey = null)
    {
        var form = await client.GetStringAsync("/Account/SignIn");
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = FormToken(form),
        }));
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/TwoFactor", StringComparison.Ordinal))
        {
            var codePage = response.Headers.Location.OriginalString;
            var codeForm = await client.GetStringAsync(codePage);
            var code = await AuthenticatorCodes.NextAsync($"{accounts}|{email}", authenticatorKey ?? HotSpots.Web.Demo.DemoOptions.AuthenticatorKey);
            response = await client.PostAsync(codePage, Form(codeForm, ("Code", code)));
        }
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location!.OriginalString.Contains("/Account/", StringComparison.Ordinal))
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}.");
    }

    /// <summary>A client of an app served elsewhere (<see cref="AppProcess"/>), signed in through the real form, with its own cookies.</summary>
    public static async Task<HttpClient> SignInAsync(Uri address, string email, string password = DemoPassword, string? authenticatorKey = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        await client.SignInWithAsync(address.ToString(), email, password, authenticatorKey);
        return client;
    }

    /// <summary>Loads a page and sets the X-CSRF-TOKEN header from its csrf-token meta tag.</summary>
    public static async Task UseAntiforgeryFromAsync(this HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", MetaToken().Match(html).Groups[1].Value);
    }

    public static string FormToken(string html) => FormTokenPattern().Match(html).Groups[1].Value;

    /// <summary>A form post body with the antiforgery token of the page the form is on.</summary>
    public static FormUrlEncodedContent Form(string pageWithForm, params (string Name, string Value)[] fields)
    {
        var values = fields.ToDictionary(f => f.Name, f => f.Value);
        values["__RequestVerificationToken"] = FormToken(pageWithForm);
        return new FormUrlEncodedContent(values);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();
}

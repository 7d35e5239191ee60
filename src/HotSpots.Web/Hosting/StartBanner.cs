using HotSpots.Platform.Data;
using HotSpots.Web.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HotSpots.Web.Hosting;

/// <summary>What a person starting the app needs to see: where it is, where its data is, how to sign in.</summary>
internal static class StartBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        var demo = app.Services.GetRequiredService<DemoOptions>();
        var lines = new List<string>
        {
            "",
            "HotSpots is running.",
            $"  Open:      {string.Join("  ", addresses)}",
            $"  Data:      {database.DataDirectory} ({database.Provider})",
            $"  Runs as:   {app.Environment.EnvironmentName}{(app.Environment.IsDevelopment() ? " (a developer's machine: set ASPNETCORE_ENVIRONMENT=Production on a server)" : "")}",
            $"  Jobs:      {string.Join("  ", addresses.Select(a => a.TrimEnd('/') + "/hangfire"))} (Admin)",
        };
        if (demo.Enabled && !app.Environment.IsDevelopment())
            lines.Add($"  WARNING:   demo mode outside Development ({DemoGate.Flag}): the demo sign-ins below are published. Keep no real data here.");
        if (demo.Enabled)
        {
            lines.Add($"  Demo sign-ins (password {DemoOptions.Password}):");
            var security = app.Services.GetRequiredService<Security.SecurityOptions>();
            lines.AddRange(DemoOptions.Accounts.Select(a => $"    {a.Email,-28} {a.Role}{(security.TwoFactorRoles.Contains(a.Role) ? " + authenticator code" : "")}"));
            lines.Add($"  Authenticator key of the demo accounts: {DemoOptions.AuthenticatorKey}");
            lines.Add("    (add it to an authenticator app, or print the current code with ./run.sh demo-code)");
        }
        lines.Add("  Stop with Ctrl+C.");
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}

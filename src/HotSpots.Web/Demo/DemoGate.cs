namespace HotSpots.Web.Demo;

/// <summary>
/// The demo never reaches production by accident: its sign-ins' password and authenticator key are published, so
/// outside the Development environment the app (and the seed-demo verb) refuses to start in demo mode unless it is
/// started with <see cref="Flag"/>; then every page an administrator sees says so (<see cref="DemoWarning"/>).
/// </summary>
internal static class DemoGate
{
    public const string Flag = "--allow-demo-in-production";

    /// <summary>The setting the flag gives (also settable as Demo__AllowInProduction=true, e.g. by test harnesses).</summary>
    public const string SettingKey = "Demo:AllowInProduction";

    /// <summary>The arguments without <see cref="Flag"/>; <paramref name="given"/> says whether it was there.</summary>
    public static string[] TakeFlag(string[] args, out bool given)
    {
        given = args.Contains(Flag, StringComparer.Ordinal);
        return given ? [.. args.Where(a => a != Flag)] : args;
    }

    /// <summary>Throws <see cref="DemoRefusedException"/> for demo mode outside Development without the flag.</summary>
    public static void Check(DemoOptions demo, IHostEnvironment environment)
    {
        if (!demo.Enabled || environment.IsDevelopment() || demo.AllowInProduction) return;
        throw new DemoRefusedException(
            $"HotSpots will not start: demo mode is on (Demo:Enabled=true, or HOTSPOTS_DEMO=true) in the {environment.EnvironmentName} environment. " +
            "The demo's sign-ins, with administrator rights, have a password and an authenticator key that the README publishes. " +
            "Turn the demo off (Demo:Enabled=false; ./run.sh leaves it off outside Development unless HOTSPOTS_DEMO=true), " +
            $"or, to show the demo on a server on purpose, start with {Flag}. On a developer's machine, run in the Development environment (./run.sh does).");
    }
}

/// <summary>Demo mode refused outside Development: the message says why and what to do; the app exits with it.</summary>
internal sealed class DemoRefusedException(string message) : InvalidOperationException(message);

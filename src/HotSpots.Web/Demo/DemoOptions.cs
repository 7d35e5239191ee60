using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;

namespace HotSpots.Web.Demo;

/// <summary>
/// Settings section "Demo": a made-up force and sign-ins for trying HotSpots out. Outside Development only with
/// --allow-demo-in-production (<see cref="DemoGate"/>).
/// </summary>
internal sealed class DemoOptions
{
    public const string Password = "Demo-Patrol-2026";

    /// <summary>
    /// The authenticator key (base32) of the demo accounts whose role needs two-factor sign-in: add it to an
    /// authenticator app, or print the current code with ./run.sh demo-code. Public, like the password: demo only.
    /// </summary>
    public const string AuthenticatorKey = "DEMOHOTSPOTSDEMOHOTSPOTSDEMOKEY2";

    public bool Enabled { get; set; }

    /// <summary>
    /// Demo mode outside the Development environment: refused unless this is set, by starting with
    /// --allow-demo-in-production (<see cref="DemoGate"/>).
    /// </summary>
    public bool AllowInProduction { get; set; }

    /// <summary>The seed of the demo force's generator: the same seed and day give the same crimes.</summary>
    public int Seed { get; set; } = 2026;

    /// <summary>Crimes a year in the demo town.</summary>
    public int CrimesPerYear { get; set; } = 15_000;

    /// <summary>Police days of patrol history before today (0: none), so that compliance and leaderboards have something to show.</summary>
    public int PatrolHistoryDays { get; set; } = 28;

    /// <summary>
    /// More officer sign-ins, officer001@demo.hotspots … (same password, teams in turn), for load and soak tests that
    /// need many officers each on a patrol of their own. None unless asked for.
    /// </summary>
    public int ExtraOfficers { get; set; }

    /// <summary>The demo accounts with the extra officers asked for.</summary>
    public IEnumerable<DemoAccount> AllAccounts() => Accounts.Concat(Enumerable.Range(1, Math.Max(0, ExtraOfficers)).Select(i =>
        new DemoAccount($"officer{i:000}@demo.hotspots", Roles.Officer, $"PC Officer {i:000}", Teams[i % Teams.Count])));

    public static DemoOptions From(IConfiguration configuration) =>
        configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions();

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("officer@demo.hotspots", Roles.Officer, "PC Alex Morgan", "Town Centre"),
        new("supervisor@demo.hotspots", Roles.Supervisor, "Sgt Jo Patel", "Town Centre"),
        new("analyst@demo.hotspots", Roles.Analyst, "Sam Reid", null),
        new("manager@demo.hotspots", Roles.Manager, "Ch Insp Chris Doyle", null),
        new("evaluator@demo.hotspots", Roles.Evaluator, "Dr Lee Evans", null),
        new("admin@demo.hotspots", Roles.Admin, "System Administrator", null),
    ];

    public static readonly IReadOnlyList<string> Teams = ["Town Centre", "Oxford Road", "Night-Time Economy"];
}

internal sealed record DemoAccount(string Email, string Role, string DisplayName, string? Team);

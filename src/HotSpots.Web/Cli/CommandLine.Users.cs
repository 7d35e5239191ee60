using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;
using HotSpots.Web.Demo;
using Microsoft.AspNetCore.Identity;

namespace HotSpots.Web.Cli;

/// <summary>The command line's verbs for people: add-user, disable-user and create-admin (with the demo sign-ins it offers to remove).</summary>
internal static partial class CommandLine
{
    // Properties, not fields: the verb table in the other part of this class reads them during its own initialisation.
    private static Verb AddUserVerb => new("add-user EMAIL --role ROLE[,ROLE] [--team TEAM] [--name NAME] [--collar N]",
        "Adds a person who may sign in, with no password, and prints a one-time link with which they set it (valid for\n" +
        $"  Accounts:InvitationHours, 72 by default). Roles: {string.Join(", ", Roles.All)}. --team puts them in that team (made when new;\n" +
        "  needs --name). The link starts with the public address in Api:Issuer; without it the link is relative.",
        AddUserAsync);

    private static Verb DisableUserVerb => new("disable-user EMAIL",
        "Disables an account (a leaver): it can no longer sign in, and its open sessions end. The users page enables it again.",
        DisableUserAsync);

    private static async Task<int> AddUserAsync(IServiceProvider services, List<string> args)
    {
        var roles = (Option(args, "--role") ?? throw new UsageException("give the person's --role"))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var teamName = Option(args, "--team");
        var name = Option(args, "--name");
        var collar = Option(args, "--collar");
        if (args.Count != 1) throw new UsageException(args.Count == 0 ? "give the person's EMAIL" : $"unexpected '{args[1]}'");
        if (teamName is not null && string.IsNullOrWhiteSpace(name)) throw new UsageException("give the person's --name with their --team: the live board and the leaderboards show it");

        // Refused before a new team is made for nobody.
        var administration = services.GetRequiredService<IUserAdministration>();
        if (await administration.GetByEmailAsync(args[0], CancellationToken.None) is not null)
            throw new InvalidOperationException($"There is an account for {args[0]} already; nothing changed. disable-user, or the users page (/Admin/Users), changes it.");
        if (roles.FirstOrDefault(r => !Roles.All.Contains(r, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            throw new UsageException($"'{unknown}' is not a role: use {string.Join(", ", Roles.All)}");
        long? teamId = null;
        if (!string.IsNullOrWhiteSpace(teamName))
        {
            var (team, created) = await administration.TeamAsync(teamName, create: true, "command line", CancellationToken.None);
            teamId = team!.Id;
            if (created) Console.WriteLine($"Team {team.Name} made.");
        }
        var invitation = await administration.AddAsync(new NewAccount(args[0], roles, name, teamId, collar), "command line", CancellationToken.None);
        PrintLink(services.GetRequiredService<InvitationSettings>(), invitation, $"Account {invitation.Email} made ({string.Join(", ", roles)}).");
        return 0;
    }

    private static async Task<int> DisableUserAsync(IServiceProvider services, List<string> args)
    {
        if (args.Count != 1) throw new UsageException("give the EMAIL of the account to disable");
        var administration = services.GetRequiredService<IUserAdministration>();
        var account = await administration.GetByEmailAsync(args[0], CancellationToken.None)
                      ?? throw new KeyNotFoundException($"There is no account for {args[0]}.");
        if (account.State == AccountState.Disabled)
        {
            Console.WriteLine($"{account.Email} is disabled already; nothing changed.");
            return 0;
        }
        await administration.DisableAsync(account.Id, "command line", actorId: null, CancellationToken.None);
        Console.WriteLine($"{account.Email} is disabled: it cannot sign in, and its open sessions end at their next request " +
                          "(on every node). Enable it again on the users page (/Admin/Users).");
        return 0;
    }

    /// <summary>
    /// create-admin on an email that has an account already: says so and gives the exit code (0 for an administrator, 1
    /// otherwise), changing nothing; null when create-admin goes on (no such account, or --reset).
    /// </summary>
    private static async Task<int?> UnchangedAdminAsync(IServiceProvider services, string email, bool reset)
    {
        if (reset || await services.GetRequiredService<IUserAccounts>().FindAsync(email) is not { } existing) return null;
        var admin = await services.GetRequiredService<UserManager<IdentityUser>>().IsInRoleAsync(existing, Roles.Admin);
        Console.WriteLine($"There is an account for {email} already{(admin ? ", an administrator" : ", and it is not an administrator")}; nothing changed. " +
                          "To set its password, make it an administrator, enable it and reset its two-factor sign-in, run: ./run.sh create-admin EMAIL --reset");
        return admin ? 0 : 1;
    }

    /// <summary>create-admin --reset on an existing account; false when there is none (create-admin then makes it).</summary>
    private static async Task<bool> ResetAdminAsync(IServiceProvider services, string email, string password)
    {
        var accounts = services.GetRequiredService<IUserAccounts>();
        if (await accounts.FindAsync(email) is not { } existing) return false;
        await accounts.ResetAdministratorAsync(existing, password);
        await services.GetRequiredService<Platform.Audit.IAuditLog>().RecordAsync(new Platform.Audit.AuditEntry("command line", "account.admin-reset", $"user {existing.UserName}",
            Details: "create-admin --reset: password set, Admin role, enabled, two-factor reset, sessions ended"), CancellationToken.None);
        Console.WriteLine($"Administrator {email}: password set, Admin role given, account enabled, two-factor sign-in reset " +
                          "(set up again at the next sign-in) and every session ended. They can sign in now.");
        return true;
    }

    /// <summary>Prints the invitation link: whole when Api:Issuer gives the public address, else relative, saying which setting to set.</summary>
    private static void PrintLink(InvitationSettings settings, Invitation invitation, string done)
    {
        Console.WriteLine(done);
        Console.WriteLine($"Give them this link to set a password. It works once and until {invitation.ValidUntilUtc:yyyy-MM-dd HH:mm} UTC:");
        if (settings.PublicAddress is { } address)
            Console.WriteLine(invitation.Link(address));
        else
        {
            Console.WriteLine(invitation.Path);
            Console.Error.WriteLine("The link is relative: put the app's public address in front of it (e.g. https://hotspots.force.police.uk). " +
                                    "Set Api:Issuer (Api__Issuer=https://… in the environment file) and the command line prints the whole link.");
        }
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, List<string> args)
    {
        var removeDemo = Flag(args, "--remove-demo-accounts");
        var reset = Flag(args, "--reset");
        if (args.Count != 1 || !args[0].Contains('@')) throw new UsageException("give the administrator's EMAIL");
        if (args[0].EndsWith(DemoAccounts.Domain, StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"{DemoAccounts.Domain} addresses are the demo's; give the administrator's own EMAIL");
        if (await UnchangedAdminAsync(services, args[0], reset) is { } exit)
        {
            await OfferToRemoveDemoAccountsAsync(services, args[0], removeDemo);
            return exit;
        }
        var password = Environment.GetEnvironmentVariable("HOTSPOTS_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected) Console.Write($"Password (at least {Security.PasswordPolicy.MinimumLength} characters, not a common one): ");
            password = Console.ReadLine() ?? "";
        }
        if (!(reset && await ResetAdminAsync(services, args[0], password)))
        {
            await services.GetRequiredService<IUserAdministration>().CreateAccountAsync(args[0], [Roles.Admin], "command line", CancellationToken.None, password);
            Console.WriteLine($"Administrator {args[0]} can now sign in.");
        }
        await OfferToRemoveDemoAccountsAsync(services, args[0], removeDemo);
        return 0;
    }

    /// <summary>
    /// Demo sign-ins in a real force's database (an older ./run.sh seeded them by default) let anyone who has read the README
    /// in, as an administrator: create-admin says so and removes them when told (at a terminal, or --remove-demo-accounts).
    /// </summary>
    private static async Task OfferToRemoveDemoAccountsAsync(IServiceProvider services, string admin, bool remove)
    {
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
        var demo = await DemoAccounts.ListAsync(users, CancellationToken.None);
        if (demo.Count == 0) return;
        const string stays = "The demo's crimes, hot spots and patrol history stay; only the sign-ins go.";
        if (!remove)
        {
            Console.WriteLine($"This database holds {demo.Count} demo sign-in{(demo.Count == 1 ? "" : "s")} ({FieldList(demo)}), whose password and " +
                              "authenticator key are published in the README: anyone could sign in with them, as an administrator.");
            if (Console.IsInputRedirected || Console.IsOutputRedirected)
            {
                Console.WriteLine($"Run create-admin again with --remove-demo-accounts to remove them. {stays}");
                return;
            }
            Console.Write($"Remove them? {stays} [y/N] ");
            remove = (Console.ReadLine() ?? "").Trim().ToLowerInvariant() is "y" or "yes";
            if (!remove)
            {
                Console.WriteLine("Kept them. The administrator pages say so until they are removed.");
                return;
            }
        }
        var removed = await DemoAccounts.RemoveAsync(users, services.GetRequiredService<HotSpots.Platform.Audit.IAuditLog>(), "command line",
            $"create-admin {admin}: demo sign-ins removed", CancellationToken.None);
        Console.WriteLine($"Removed {removed.Count} demo sign-in{(removed.Count == 1 ? "" : "s")} (recorded in the audit log). {stays}");
    }

    private static string FieldList(IReadOnlyList<string> emails) =>
        emails.Count <= 6 ? string.Join(", ", emails) : $"{string.Join(", ", emails.Take(6))} and {emails.Count - 6} more";
}

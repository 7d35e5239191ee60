using System.Text.Json;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Data;
using HotSpots.Web.Accounts;
using HotSpots.Web.Demo;
using HotSpots.Web.Hosting;
using HotSpots.Web.Imports;
using OpenIddict.Abstractions;

namespace HotSpots.Web.Cli;

/// <summary>The app's own command line: ./run.sh VERB [options]. Each verb migrates the database first.</summary>
internal static partial class CommandLine
{
    private static readonly Dictionary<string, Verb> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["import"] = new("import PATH [--format auto|police-uk|force-csv|force-jsonl|feed] [--profile NAME] [--json]",
            "Imports crime records (or a police location feed) from a file, a folder of files, a .gz or a data.police.uk .zip.\n" +
            "  Importing the same data again adds nothing. Bad rows are quarantined with file, line, field and reason; the good rows are imported.\n" +
            "  --profile reads another CSV through a saved mapping profile (e.g. chicago).\n" +
            "  --json prints, as its last line, one JSON object: imported, updated, unchanged, quarantined, unmappable, outOfArea, failedFiles.",
            ImportAsync),
        ["import-roster"] = new("import-roster FILE [--dry-run] [--json]",
            "Adds and updates the force's people from a roster CSV whose header is email,name,collar,team,role (docs/data-formats.md).\n" +
            "  New people get an account without a password (they set one from an invitation) and an officer record; a new team is created.\n" +
            "  Running the same file again changes nothing. A bad row is rejected with its row and reason; the good rows are applied.\n" +
            "  Prints each new person's one-time invitation link (valid for Accounts:InvitationHours; whole when Api:Issuer is set).\n" +
            "  --dry-run only says what would change. --json prints, as its last line, one JSON object: created, updated, unchanged,\n" +
            "  rejected (a list of {row, reason}), teamsCreated, dryRun, invitations (a list of {email, link}).",
            ImportRosterAsync),
        ["create-client"] = new("create-client NAME --scope SCOPE[,SCOPE] [--new-secret]",
            $"Registers a machine client (an automated feed) that signs in with OAuth2 client credentials at {MachineClients.TokenPath}.\n" +
            $"  Scopes: {string.Join(", ", MachineClients.Scopes)}. Prints the client's secret once; --new-secret replaces the secret of an existing client.",
            CreateClientAsync),
        ["refresh"] = new("refresh [--draft] [--json]",
            "Computes a new hot spot set from the crimes held and publishes it (or, with --draft, leaves it for review).",
            RefreshAsync),
        ["backtest"] = new("backtest --data PATH [--train-months 12] [--coverage 0.5,1,2,5,10] [--target violence|all|harm] [--cell-size 150] [--format auto|police-uk|force-csv] [--ablation] [--chart FILE.svg] [--json]",
            "How well hot spots would have predicted each month: trains on months t−k … t−1 and scores month t, for every t the data allows,\n" +
            "  for plain counts and the 200 m quartic kernel (the baselines) and the HotSpots blend (fitted walk-forward, on earlier months only).\n" +
            "  Reports mean hit rate, PAI (with 10th and 90th percentiles) and PEI per method and coverage (percent of the study area).\n" +
            "  The files are read, not imported. --ablation adds the blend with each part left out; --chart writes the PAI-by-coverage chart as SVG.\n" +
            "  --json prints, as its last line, one JSON object.",
            BacktestAsync),
        ["evaluate-sim"] = new("evaluate-sim [--trials 1000] [--design place-days|fixed-arms|pairs] [--effect 0.85] [--overdispersion 0.5] [--seed 1] [--days 365] [--draws 300] [--json]",
            "Checks the trial statistics on simulated trials of the published spots: each trial is allocated by the trials' own generator,\n" +
            "  crimes per place-day are drawn from a negative binomial (variance μ + K μ², K = --overdispersion) around each spot's own rate\n" +
            "  times a gamma spot effect of variance K, and analysed as a real trial. Every trial is run at effect 1 and at --effect.\n" +
            "  Prints the coverage of the 95 % intervals (and of the plain Poisson interval, for comparison), the type I error and the power of\n" +
            "  the randomisation test (--draws redrawn schedules per trial). --json prints, as its last line, one JSON object.",
            EvaluateSimAsync),
        ["seed-demo"] = new("seed-demo",
            $"Adds the demo force: a year of generated crimes, teams, the demo sign-ins (password {DemoOptions.Password}) and published hot spots.",
            SeedDemoAsync, DemoMode: true),
        ["backup"] = new("backup FOLDER",
            "Takes a consistent online backup of the SQLite databases into a new or empty FOLDER, while the app keeps serving\n" +
            "  (SQLite's backup API, checked with PRAGMA integrity_check, with a backup.json of checksums). On PostgreSQL use pg_dump.",
            BackupAsync),
        ["restore"] = new("restore FOLDER",
            "Restores a backup made by 'backup' into the data directory. Stop the app first; the files it replaces are kept\n" +
            "  in a before-restore-… folder of the data directory.",
            RestoreAsync, Migrate: false),
        ["demo-code"] = new("demo-code",
            "Prints the current authenticator code of the demo accounts whose role needs two-factor sign-in (analyst, manager,\n" +
            $"  evaluator, admin), and their key ({DemoOptions.AuthenticatorKey}) for an authenticator app. Demo accounts only.",
            DemoCodeAsync),
        ["create-admin"] = new("create-admin EMAIL [--reset] [--remove-demo-accounts]",
            "Creates an administrator account. The password is read from HOTSPOTS_ADMIN_PASSWORD or asked for (or read from standard input).\n" +
            "  Outside demo mode this is how the first account is made; there is no default password. For an email that has an account\n" +
            "  already it changes nothing and says so, unless --reset: then it sets the password, gives the Admin role, enables the account,\n" +
            "  resets two-factor sign-in (set up again at the next sign-in) and ends the account's sessions.\n" +
            "  When the database holds demo sign-ins (…@demo.hotspots, whose password is published), it offers to remove them: it asks\n" +
            "  at a terminal; --remove-demo-accounts removes them without asking (scripts). Their removal is audited; the demo's data stays.",
            CreateAdminAsync),
        ["add-user"] = AddUserVerb,
        ["disable-user"] = DisableUserVerb,
    };

    /// <summary>A first argument that is not an option is a verb (an unknown one gets the help, not the web app).</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h");

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] is "--help" or "-h" or "help" || args.Contains("--help"))
        {
            PrintHelp(args.Length > 1 && Verbs.TryGetValue(args[0] is "help" ? args[1] : args[0], out var one) ? one : null);
            return 0;
        }
        if (!Verbs.TryGetValue(args[0], out var verb))
        {
            Console.Error.WriteLine($"hotspots: '{args[0]}' is not a verb.");
            PrintHelp(null);
            return 2;
        }
        var options = DemoGate.TakeFlag([.. args.Skip(1)], out var allowDemo).ToList();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. options.Where(o => o.StartsWith("--") && o.Contains('='))] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (verb.DemoMode) builder.Configuration["Demo:Enabled"] = "true";
        if (allowDemo) builder.Configuration[DemoGate.SettingKey] = "true";
        Console.Error.WriteLine(DatabaseNote.Describe(builder.Configuration));
        // Standard output is the verb's own (its last line is the --json report); the log goes to standard error.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        try
        {
            builder.AddHotSpots(runJobServer: false);
        }
        catch (DemoRefusedException refused)
        {
            Console.Error.WriteLine($"hotspots {args[0]}: {refused.Message}");
            return 1;
        }
        await using var app = builder.Build();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            // Roles are made by the verbs that make users (IUserAccounts), not by every verb.
            if (verb.Migrate) await DatabaseStartup.PrepareAsync(app.Services, app.Services.GetRequiredService<DatabaseSettings>(), CancellationToken.None);
            return await verb.Run(scope.ServiceProvider, options.Where(o => !(o.StartsWith("--") && o.Contains('='))).ToList());
        }
        catch (Exception e) when (e is UsageException or ValidationException or InvalidOperationException or KeyNotFoundException)
        {
            var usage = e is UsageException or ValidationException;
            Console.Error.WriteLine($"hotspots {args[0]}: {e.Message}");
            if (usage) Console.Error.WriteLine($"usage: ./run.sh {verb.Usage}");
            return usage ? 2 : 1;
        }
    }

    private static void PrintHelp(Verb? verb)
    {
        if (verb is not null)
        {
            Console.WriteLine($"usage: ./run.sh {verb.Usage}\n  {verb.Help}");
            return;
        }
        Console.WriteLine("usage: ./run.sh [VERB [options]]\n\nWith no verb, runs the web app (http://127.0.0.1:5080; --urls changes it).\n" +
                          "Settings can be given as --Section:Key=value, e.g. --Demo:Enabled=false.\n\nVerbs:");
        foreach (var v in Verbs.Values)
            Console.WriteLine($"  {v.Usage}\n  {v.Help}\n");
    }

    private static async Task<int> ImportAsync(IServiceProvider services, List<string> args)
    {
        var json = Flag(args, "--json");
        var profileName = Option(args, "--profile");
        var formatText = Option(args, "--format") ?? (profileName is null ? "auto" : $"profile:{profileName}");
        if (!UploadedFiles.TryFormat(formatText, out var format, out var profile)) throw new UsageException($"unknown format '{formatText}'");
        if (args.Count != 1) throw new UsageException("give one PATH to import");
        // Progress goes to standard error, so that --json leaves standard output to the report.
        var interactive = !Console.IsErrorRedirected;
        var progress = new Progress<ImportProgress>(p =>
        {
            var line = $"{p.File}: {p.RowsDone:N0} rows, {p.Errors:N0} errors, {p.RowsPerSecond:N0} rows/s, {p.Percent:0}%";
            if (interactive) Console.Error.Write($"\r{line}   ");
        });
        var report = await services.GetRequiredService<IImports>()
            .ImportAsync(new ImportRequest(CallerPath(args[0]), format, "command line", profile), progress, CancellationToken.None);
        if (interactive) Console.Error.WriteLine();
        foreach (var note in report.Notes ?? []) Console.WriteLine(note);
        foreach (var problem in report.Problems.Take(20))
            Console.WriteLine($"{problem.File}:{problem.Line}: {problem.Field} {problem.Reason}");
        if (report.Problems.Count > 20) Console.WriteLine($"… and more: all bad rows are in quarantine (import {report.ImportId}).");
        Console.WriteLine($"Imported {report.Imported:N0}, updated {report.Updated:N0}, unchanged {report.Unchanged:N0}, quarantined {report.Quarantined:N0}, " +
                          $"unmappable {report.Unmappable:N0}, out of area {report.OutOfArea:N0}, files not read {report.FailedFiles} in {report.Seconds:0.0} s.");
        if (json)
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                importId = report.ImportId, imported = report.Imported, updated = report.Updated, unchanged = report.Unchanged,
                quarantined = report.Quarantined, unmappable = report.Unmappable, outOfArea = report.OutOfArea, failedFiles = report.FailedFiles,
                seconds = report.Seconds,
            }));
        return report.FailedFiles > 0 ? 1 : 0;
    }

    /// <summary>JSON for a terminal or a script, not a web page: reasons keep their quotes and apostrophes as typed.</summary>
    private static readonly JsonSerializerOptions PlainJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task<int> ImportRosterAsync(IServiceProvider services, List<string> args)
    {
        var json = Flag(args, "--json");
        var dryRun = Flag(args, "--dry-run");
        if (args.Count != 1) throw new UsageException("give one roster FILE");
        var path = CallerPath(args[0]);
        if (!File.Exists(path)) throw new ValidationException($"There is no file {path}.");
        var csv = await File.ReadAllTextAsync(path);
        var roster = services.GetRequiredService<Roster.RosterImport>();
        RosterPlan result;
        var teamsCreated = 0;
        IReadOnlyList<Roster.RosterInvitation> invitations = [];
        if (dryRun) result = await roster.PlanAsync(csv, CancellationToken.None);
        else
        {
            var outcome = await roster.ApplyAsync(csv, "command line", CancellationToken.None);
            (result, teamsCreated, invitations) = (outcome.Applied, outcome.TeamsCreated, outcome.Invitations);
        }
        var address = services.GetRequiredService<InvitationSettings>().PublicAddress;
        string LinkOf(Roster.RosterInvitation invitation) => address is null ? invitation.Path : invitation.Link(address);
        foreach (var line in result.Lines.Where(l => l.Action is RosterAction.Create or RosterAction.Update))
            Console.WriteLine($"Row {line.Row}: {(dryRun ? "would " : "")}{(line.Action == RosterAction.Create ? "create" : "update")} {line.Email}: {string.Join("; ", line.Changes)}");
        foreach (var line in result.Rejected) Console.WriteLine($"Row {line.Row}: rejected: {line.Reason}");
        Console.WriteLine($"{Path.GetFileName(path)}: {(dryRun ? "would create" : "created")} {result.Created}, {(dryRun ? "update" : "updated")} {result.Updated}, " +
                          $"unchanged {result.Unchanged}, rejected {result.Rejected.Count}" +
                          (dryRun ? $", new teams {result.NewTeams.Count} (nothing was changed)." : $", teams created {teamsCreated}."));
        if (invitations.Count > 0)
        {
            // The links are kept nowhere: this is the only time they are shown.
            Console.WriteLine($"Give each new person their link to set a password. Each works once and until {invitations.Max(i => i.ValidUntilUtc):yyyy-MM-dd HH:mm} UTC; " +
                              "they are not shown again (the users page makes a new one):");
            foreach (var invitation in invitations) Console.WriteLine($"{invitation.Email} {LinkOf(invitation)}");
            if (address is null)
                Console.Error.WriteLine("The links are relative: put the app's public address in front of them (e.g. https://hotspots.force.police.uk). " +
                                        "Set Api:Issuer (Api__Issuer=https://… in the environment file) and the command line prints whole links.");
        }
        if (json)
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                created = result.Created, updated = result.Updated, unchanged = result.Unchanged,
                rejected = result.Rejected.Select(r => new { row = r.Row, reason = r.Reason }),
                teamsCreated = dryRun ? result.NewTeams.Count : teamsCreated, dryRun,
                invitations = invitations.Select(i => new { email = i.Email, link = LinkOf(i) }),
            }, PlainJson));
        return 0;
    }

    private static async Task<int> CreateClientAsync(IServiceProvider services, List<string> args)
    {
        var newSecret = Flag(args, "--new-secret");
        var scopes = (Option(args, "--scope") ?? throw new UsageException("give the client's --scope")).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (args.Count != 1) throw new UsageException("give the client's NAME");
        var secret = await MachineClients.CreateAsync(services.GetRequiredService<IOpenIddictApplicationManager>(), args[0], scopes, newSecret, CancellationToken.None);
        Console.WriteLine($"Client {args[0]} (scopes {string.Join(", ", scopes)}) can now ask for tokens at {MachineClients.TokenPath}.");
        Console.WriteLine("Its secret is shown only this once; keep it in the feed's secret store:");
        Console.WriteLine($"client_id={args[0]}");
        Console.WriteLine($"client_secret={secret}");
        return 0;
    }

    private static async Task<int> RefreshAsync(IServiceProvider services, List<string> args)
    {
        var draft = Flag(args, "--draft");
        var json = Flag(args, "--json");
        var set = await services.GetRequiredService<IHotspotModule>().RefreshAsync(!draft, "command line", CancellationToken.None);
        Console.WriteLine($"Hot spot set {set.Id} ({set.Status}): {set.SpotCount} spots from crimes between {set.TrainingFromUtc:yyyy-MM-dd} and {set.TrainingToUtc:yyyy-MM-dd}.");
        if (json) Console.WriteLine(JsonSerializer.Serialize(new { setId = set.Id, status = set.Status.ToString(), spots = set.SpotCount }));
        return 0;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, List<string> args)
    {
        await services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        Console.WriteLine($"Demo force seeded. Sign in with any of ({DemoOptions.Password}):");
        foreach (var account in DemoOptions.Accounts) Console.WriteLine($"  {account.Email,-28} {account.Role}");
        return 0;
    }

    private static async Task<int> BackupAsync(IServiceProvider services, List<string> args)
    {
        if (args.Count != 1) throw new UsageException("give the FOLDER to write the backup into");
        var manifest = await services.GetRequiredService<DatabaseBackup>().BackupAsync(CallerPath(args[0]), CancellationToken.None);
        foreach (var file in manifest.Files) Console.WriteLine($"  {file.Name,-14} {file.Bytes,14:N0} bytes  sha256 {file.Sha256}");
        Console.WriteLine($"Backup written to {CallerPath(args[0])} at {manifest.CreatedUtc:u}.");
        return 0;
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, List<string> args)
    {
        if (args.Count != 1) throw new UsageException("give the FOLDER of a backup");
        var kept = await services.GetRequiredService<DatabaseBackup>().RestoreAsync(CallerPath(args[0]), CancellationToken.None);
        Console.WriteLine($"Restored from {CallerPath(args[0])}. The files it replaced are in {kept}. Start the app to use the restored data.");
        return 0;
    }

    private static Task<int> DemoCodeAsync(IServiceProvider services, List<string> args)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var left = 30 - now.ToUnixTimeSeconds() % 30;
        Console.WriteLine($"{Security.Totp.Code(DemoOptions.AuthenticatorKey, now)}  (valid for {left} more seconds; key {DemoOptions.AuthenticatorKey})");
        return Task.FromResult(0);
    }

    private static bool Flag(List<string> args, string name) => args.Remove(name);

    /// <summary>A path as the user typed it, relative to the folder they ran ./run.sh from (dotnet run changes folder).</summary>
    private static string CallerPath(string path) =>
        Path.GetFullPath(path, Environment.GetEnvironmentVariable("HOTSPOTS_CALLER_DIR") ?? Directory.GetCurrentDirectory());

    private static string? Option(List<string> args, string name)
    {
        var index = args.IndexOf(name);
        if (index < 0) return null;
        if (index == args.Count - 1) throw new UsageException($"{name} needs a value");
        var value = args[index + 1];
        args.RemoveRange(index, 2);
        return value;
    }

    /// <param name="Migrate">Whether the database is migrated before the verb runs (not before a restore, which replaces it).</param>
    /// <param name="DemoMode">The verb runs in demo mode whatever Demo:Enabled says (the demo's services exist only then).</param>
    private sealed record Verb(string Usage, string Help, Func<IServiceProvider, List<string>, Task<int>> Run, bool Migrate = true, bool DemoMode = false);

    private sealed class UsageException(string message) : Exception(message);
}

using System.Text.Json;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Testing;
using Microsoft.AspNetCore.Identity;

namespace HotSpots.Web.Tests;

/// <summary>
/// <c>./run.sh import-roster FILE --json</c>, as a user runs it: the built app as its own process, the file named relative
/// to the folder the command was typed in (run.sh passes it as HOTSPOTS_CALLER_DIR), run twice on the same roster.
/// </summary>
public sealed class RosterCommandLineTests
{
    private static readonly string Fixture = Path.Combine(RepositoryPaths.Root, "tests", "HotSpots.Workforce.Tests", "Fixtures", "roster-60-officers.csv");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_roster_run_twice_creates_fifty_eight_people_then_leaves_them_unchanged_and_rejects_the_two_bad_rows_both_times(string provider)
    {
        using var database = TestDatabase.Create(provider);
        using var caller = new TempDirectory("hotspots-roster-caller");
        File.Copy(Fixture, Path.Combine(caller.Path, "roster.csv"));

        var dry = await RunAsync(database, caller.Path, "import-roster", "roster.csv", "--dry-run", "--json");
        var (firstExit, firstOutput, firstStandardOutput) = await RunRawAsync(database, caller.Path, "import-roster", "roster.csv", "--json");
        firstExit.ShouldBe(0, firstOutput);
        var firstLines = firstStandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = JsonDocument.Parse(firstLines[^1]).RootElement.Clone();
        var second = await RunAsync(database, caller.Path, "import-roster", "roster.csv", "--json");

        (dry.GetProperty("created").GetInt32(), dry.GetProperty("dryRun").GetBoolean()).ShouldBe((58, true));
        (first.GetProperty("created").GetInt32(), first.GetProperty("updated").GetInt32(), first.GetProperty("unchanged").GetInt32(),
            first.GetProperty("teamsCreated").GetInt32()).ShouldBe((58, 0, 0, 6));
        (second.GetProperty("created").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32(),
            second.GetProperty("teamsCreated").GetInt32()).ShouldBe((0, 0, 58, 0));
        // Each created person's invitation link: printed on standard output before the JSON line, and in the report.
        dry.GetProperty("invitations").GetArrayLength().ShouldBe(0);
        second.GetProperty("invitations").GetArrayLength().ShouldBe(0);
        var invitations = first.GetProperty("invitations").EnumerateArray()
            .Select(i => (Email: i.GetProperty("email").GetString()!, Link: i.GetProperty("link").GetString()!)).ToList();
        invitations.Count.ShouldBe(58);
        invitations.Select(i => i.Email).Distinct().Count().ShouldBe(58);
        invitations.ShouldAllBe(i => i.Link.StartsWith("/Account/Invitation?id=", StringComparison.Ordinal));
        foreach (var (email, link) in invitations) firstLines[..^1].ShouldContain($"{email} {link}");
        foreach (var run in new[] { first, second })
        {
            var rejected = run.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("reason").GetString())).ToList();
            rejected.Count.ShouldBe(2);
            rejected[0].ShouldBe((18, "'Sargeant' is not a role: use one of Officer, Supervisor, Analyst, Manager, Evaluator, Admin."));
            rejected[1].ShouldBe((45, "'dev.hill44(at)force.example' is not an email address."));
        }

        // What the app then holds: 58 accounts with their roles and no password yet, 58 officer records in 6 teams.
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var sergeant = (await users.FindByEmailAsync("amira.ahmed1@force.example"))!;
        (await users.GetRolesAsync(sergeant)).ShouldBe(["Supervisor"]);
        (await users.HasPasswordAsync(sergeant)).ShouldBeFalse();
        // The sergeant's printed link is good: it names her account and its token is valid.
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), invitations.Single(i => i.Email == "amira.ahmed1@force.example").Link).Query);
        query["id"].ToString().ShouldBe(sergeant.Id);
        (await scope.ServiceProvider.GetRequiredService<IUserAdministration>().FindInvitedAsync(query["id"], query["token"]))!.Id.ShouldBe(sergeant.Id);
        users.Users.Count().ShouldBe(58);
        var workforce = scope.ServiceProvider.GetRequiredService<IWorkforce>();
        var record = (await workforce.FindOfficerAsync(sergeant.Id, CancellationToken.None))!;
        (record.DisplayName, record.CollarNumber, record.TeamName, record.Supervisor).ShouldBe(("Sgt Amira Ahmed", "1001", "Response A", true));
        (await workforce.ListOfficersAsync(CancellationToken.None)).Count.ShouldBe(58);
        (await workforce.ListTeamsAsync(CancellationToken.None)).Select(t => t.Members).ShouldBe([10, 10, 10, 9, 9, 10], ignoreOrder: true);
    }

    [Fact]
    public async Task A_file_without_the_roster_header_is_refused_naming_what_is_wrong()
    {
        using var database = TestDatabase.Create("Sqlite");
        using var caller = new TempDirectory("hotspots-roster-caller");
        await File.WriteAllTextAsync(Path.Combine(caller.Path, "people.csv"), "email,name,team,role\na@force.example,PC Able,Response A,Officer\n");
        var (exit, output, _) = await RunRawAsync(database, caller.Path, "import-roster", "people.csv");
        exit.ShouldBe(2);
        output.ShouldContain("Row 1 of the roster is not the header email,name,collar,team,role: it has no collar column.");
    }

    private static async Task<JsonElement> RunAsync(TestDatabase database, string callerDirectory, params string[] args)
    {
        var (exit, output, standardOutput) = await RunRawAsync(database, callerDirectory, args);
        exit.ShouldBe(0, output);
        // The last line of standard output (standard error says which database the verb used).
        var last = standardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        return JsonDocument.Parse(last).RootElement.Clone();
    }

    private static Task<(int Exit, string Output, string StandardOutput)> RunRawAsync(TestDatabase database, string callerDirectory, params string[] args) =>
        RunVerbAsync(database, callerDirectory, null, args);

    /// <summary>Runs a verb of the built app as run.sh does; <paramref name="environment"/> adds environment variables.</summary>
    internal static Task<(int Exit, string Output, string StandardOutput)> RunVerbAsync(
        TestDatabase database, string callerDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Verbs.RunAsync(database, callerDirectory, environment, args);
}

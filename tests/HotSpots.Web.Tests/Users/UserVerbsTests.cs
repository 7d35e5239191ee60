using System.Net;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform.Audit;
using HotSpots.Testing;
using HotSpots.Web.Accounts;
using HotSpots.Web.Cli;
using Microsoft.Extensions.Configuration;

namespace HotSpots.Web.Tests.Users;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    /// <summary>Tests that read what the command line prints: they swap the process's console, so they run alone.</summary>
    public const string Name = "Console";
}

/// <summary>add-user, disable-user and create-admin on the command line, against a database that the web app then serves.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class UserVerbsTests
{
    private const string Password = "amber-kettle-orchard-42";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Add_user_prints_a_link_that_the_app_accepts_and_disable_user_refuses_the_next_request(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var added = await RunAsync(database, "add-user", "pc.ryan@force.test", "--role", "officer", "--team", "North B", "--name", "Jo Ryan", "--collar", "2468",
            "--Api:Issuer=https://hotspots.force.test/");
        added.Exit.ShouldBe(0, added.Error);
        added.Output.ShouldContain("Team North B made.");
        added.Output.ShouldContain("Account pc.ryan@force.test made (officer).");
        var link = added.Output.Split('\n').Single(l => l.StartsWith("https://", StringComparison.Ordinal)).Trim();
        link.ShouldStartWith("https://hotspots.force.test/Account/Invitation?id=");
        added.Error.ShouldContain(provider == "Sqlite" ? "Database: SQLite file " : "Database: PostgreSQL database ");

        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Security:SecurityStampCheckMinutes"] = "0" });
        var officer = (await app.Service<IWorkforce>().ListOfficersAsync(CancellationToken.None)).Single(o => o.DisplayName == "Jo Ryan");
        officer.TeamName.ShouldBe("North B");
        var phone = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var path = new Uri(link).PathAndQuery;
        var page = await phone.GetStringAsync(path);
        (await phone.PostAsync(path, SignedInClient.Form(page, ("Password", Password), ("Confirm", Password)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await phone.GetAsync("/Officer/Patrols")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await RunAsync(database, "add-user", "pc.ryan@force.test", "--role", "Officer");
        again.Exit.ShouldBe(1);
        again.Error.ShouldContain("There is an account for pc.ryan@force.test already");
        var wrongRole = await RunAsync(database, "add-user", "pc.two@force.test", "--role", "Constable");
        wrongRole.Exit.ShouldBe(2);
        wrongRole.Error.ShouldContain("'Constable' is not a role");

        var disabled = await RunAsync(database, "disable-user", "pc.ryan@force.test");
        disabled.Exit.ShouldBe(0, disabled.Error);
        disabled.Output.ShouldContain("pc.ryan@force.test is disabled");
        var refused = await phone.GetAsync("/Officer");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        await Should.ThrowAsync<InvalidOperationException>(() => SignedInClient.SignInAsync(app, "pc.ryan@force.test", Password));
        (await RunAsync(database, "disable-user", "nobody@force.test")).Error.ShouldContain("There is no account for nobody@force.test");

        var audit = app.Service<IAuditLog>();
        (await audit.SearchAsync(new(Action: "account.create", Subject: "user pc.ryan@force.test"), CancellationToken.None)).Single().Actor.ShouldBe("command line");
        (await audit.SearchAsync(new(Action: "account.disable", Subject: "user pc.ryan@force.test"), CancellationToken.None)).Single().Actor.ShouldBe("command line");
    }

    [Fact]
    public async Task Add_user_without_a_public_address_prints_a_relative_link_and_says_which_setting_makes_it_whole()
    {
        using var database = TestDatabase.Create("Sqlite");
        var added = await RunAsync(database, "add-user", "someone@force.test", "--role", "Analyst");
        added.Exit.ShouldBe(0, added.Error);
        added.Output.Split('\n').ShouldContain(l => l.StartsWith("/Account/Invitation?id=", StringComparison.Ordinal));
        added.Error.ShouldContain("The link is relative");
        added.Error.ShouldContain("Api:Issuer");
    }

    [Fact]
    public async Task Create_admin_on_an_existing_email_changes_nothing_unless_asked_to_reset()
    {
        using var database = TestDatabase.Create("Sqlite");
        (await CreateAdminAsync(database, "chief@force.test", Password)).Exit.ShouldBe(0);

        var second = await CreateAdminAsync(database, "chief@force.test", "another-harbour-lamp-77");
        second.Exit.ShouldBe(0);
        second.Output.ShouldContain("There is an account for chief@force.test already, an administrator; nothing changed.");
        second.Output.ShouldContain("--reset");
        await using (var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }))
        {
            // Still the first password: the second run changed nothing.
            await Should.ThrowAsync<InvalidOperationException>(() => SignedInClient.SignInAsync(app, "chief@force.test", "another-harbour-lamp-77"));
            var signedIn = await SignedInClient.SignInAsync(app, "chief@force.test", Password);
            (await signedIn.GetAsync("/Account/Authenticator")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var officer = await RunAsync(database, "add-user", "pc.x@force.test", "--role", "Officer");
        officer.Exit.ShouldBe(0);
        var notAdmin = await CreateAdminAsync(database, "pc.x@force.test", Password);
        notAdmin.Exit.ShouldBe(1);
        notAdmin.Output.ShouldContain("it is not an administrator; nothing changed");

        var weak = await CreateAdminAsync(database, "chief@force.test", "password", reset: true);
        weak.Exit.ShouldBe(1);
        var reset = await CreateAdminAsync(database, "chief@force.test", "another-harbour-lamp-77", reset: true);
        reset.Exit.ShouldBe(0, reset.Error);
        reset.Output.ShouldContain("password set");
        await using (var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }))
        {
            await Should.ThrowAsync<InvalidOperationException>(() => SignedInClient.SignInAsync(app, "chief@force.test", Password));
            var signedIn = await SignedInClient.SignInAsync(app, "chief@force.test", "another-harbour-lamp-77");
            (await signedIn.GetAsync("/Admin/Users")).Headers.Location!.OriginalString.ShouldBe("/Account/Authenticator", "two-factor is set up again");
            (await app.Service<IAuditLog>().SearchAsync(new(Action: "account.admin-reset"), CancellationToken.None)).ShouldHaveSingleItem();
        }
    }

    [Fact]
    public async Task Every_verb_names_its_database_and_the_data_directory_it_made()
    {
        using var database = TestDatabase.Create("Sqlite");
        var data = Path.Combine(database.Folder.Path, "fresh");
        var result = await RunAsync(database, "demo-code", $"--HOTSPOTS_DATA_DIR={data}");
        result.Exit.ShouldBe(0, result.Error);
        result.Error.ShouldContain($"Database: SQLite file {Path.Combine(data, "hotspots.db")} (data directory {data}, made now; from HOTSPOTS_DATA_DIR).");
        Directory.Exists(data).ShouldBeTrue();
        (await RunAsync(database, "add-user", "--help")).Output.ShouldContain("add-user EMAIL --role ROLE");
    }

    [Fact]
    public void The_database_note_says_when_no_data_directory_was_set_and_never_shows_a_password()
    {
        var none = new ConfigurationBuilder().Build();
        DatabaseNote.Describe(none).ShouldContain($"data directory {Path.GetFullPath("hotspots-data")}");
        DatabaseNote.Describe(none).ShouldContain("HOTSPOTS_DATA_DIR is not set, so the hotspots-data folder of the current folder");
        var postgres = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = "Host=db.force.test;Port=5433;Database=hotspots;Username=hotspots_app;Password=s3cret-value",
            ["DataDirectory"] = "/var/lib/hotspots",
        }).Build();
        var note = DatabaseNote.Describe(postgres);
        note.ShouldStartWith("Database: PostgreSQL database hotspots on db.force.test:5433 as hotspots_app (data directory /var/lib/hotspots");
        note.ShouldContain("from the setting DataDirectory");
        note.ShouldNotContain("s3cret");
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase database, params string[] args) =>
        await RunAsync(database, args, null);

    /// <summary>create-admin EMAIL [--reset], the password given as HOTSPOTS_ADMIN_PASSWORD.</summary>
    private static Task<(int Exit, string Output, string Error)> CreateAdminAsync(TestDatabase database, string email, string password, bool reset = false) =>
        RunAsync(database, reset ? ["create-admin", email, "--reset"] : ["create-admin", email], password);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase database, string[] args, string? password)
    {
        string[] settings = [.. database.Settings().Where(s => !args.Any(a => a.StartsWith($"--{s.Key}=", StringComparison.Ordinal))).Select(s => $"--{s.Key}={s.Value}")];
        var (output, error) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Environment.SetEnvironmentVariable("HOTSPOTS_ADMIN_PASSWORD", password);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await CommandLine.RunAsync([.. args, .. settings, "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning"]);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
            Environment.SetEnvironmentVariable("HOTSPOTS_ADMIN_PASSWORD", null);
        }
    }
}

using HotSpots.Testing;
using Npgsql;

namespace HotSpots.Web.Tests;

/// <summary>
/// Starting nodes as a new operator does (docs/operations.md, section 4): a first start on a database made by the
/// documented steps, and two nodes started at the same moment on an empty database. Neither logs an error.
/// </summary>
public sealed partial class ScaleOutTests
{
    private static readonly string[] Modules = ["platform", "ingestion", "hotspots", "tasking", "patrols", "accounts"];

    /// <summary>The key of the app's migration lock (Hosting/PostgresMigrationLock.cs).</summary>
    private const long MigrationLockKey = 0x486F7453706F7473;

    [Fact]
    public async Task A_first_start_on_a_new_database_owned_by_its_own_role_waits_for_another_node_as_long_as_needed_and_logs_no_error()
    {
        // The role and database made as docs/operations.md says, by an administrator of the server.
        using var owned = OwnedDatabase.Create();
        using var data = new TempDirectory("hotspots-node");
        await using var node = new AppProcess(data.Path, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = owned.ConnectionString,
            ["Demo:Enabled"] = "false",
            ["Jobs:PollSeconds"] = "1",
        });
        // Another node holds the migration lock for longer than a database command may take (30 s): this one waits for it.
        await using (var otherNode = new NpgsqlConnection(owned.AdministratorConnectionString))
        {
            await otherNode.OpenAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", otherNode)) await take.ExecuteNonQueryAsync();
            var starting = node.StartAsync(TimeSpan.FromMinutes(4));
            await Task.Delay(TimeSpan.FromSeconds(35));
            starting.IsCompleted.ShouldBeFalse($"the node started (or gave up) while another held the migration lock:\n{node.Log}");
            node.Log.ShouldContain("Another node is preparing the database");
            await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", otherNode)) await release.ExecuteNonQueryAsync();
            await starting;
        }
        await WaitForAsync(async () => await ReadyAsync(node) ? "ready" : null, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3)); // the job server's first recurring jobs

        ErrorLines(node.Log).ShouldBeEmpty($"the first start logged errors:\n{node.Log}");
        node.Log.ShouldContain("stored unencrypted", Case.Sensitive, "a start without a key certificate should say the keys are not protected");
        await using var connection = new NpgsqlConnection(owned.ConnectionString);
        await connection.OpenAsync();
        foreach (var module in Modules)
            (await ScalarListAsync(connection, $"SELECT count(*) FROM __{module}_migrations WHERE \"MigrationId\" LIKE '%_Initial'")).ShouldBe([1L], module);
        (await ScalarListAsync(connection, "SELECT count(*) FROM pg_tables WHERE schemaname IN ('public', 'hangfire') AND tableowner <> current_user"))
            .ShouldBe([0L], "every table belongs to the role the app connects as");
    }

    [Fact]
    public async Task Two_nodes_started_at_the_same_moment_on_an_empty_database_migrate_once_and_log_no_error()
    {
        using var database = TestDatabase.Create("Postgres");
        using var dataB = new TempDirectory("hotspots-node-b");
        using var shared = new TempDirectory("hotspots-shared");
        var settings = new Dictionary<string, string?>(database.Settings())
        {
            ["SharedDirectory"] = shared.Path,
            ["Jobs:PollSeconds"] = "1",
            ["Demo:CrimesPerYear"] = "4000",
        };
        // The demo on one node only, as the docs say; the other starts at the same moment with it off.
        await using var nodeA = new AppProcess(database.Folder.Path, With(settings, "Demo:Enabled", "true"));
        await using var nodeB = new AppProcess(dataB.Path, With(With(settings, "HOTSPOTS_DATA_DIR", dataB.Path), "Demo:Enabled", "false"));
        await Task.WhenAll(nodeA.StartAsync(TimeSpan.FromMinutes(4)), nodeB.StartAsync(TimeSpan.FromMinutes(4)));
        await WaitForAsync(async () => await ReadyAsync(nodeA) && await ReadyAsync(nodeB) ? "ready" : null, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));

        ErrorLines(nodeA.Log).ShouldBeEmpty($"node A logged errors:\n{nodeA.Log}");
        ErrorLines(nodeB.Log).ShouldBeEmpty($"node B logged errors:\n{nodeB.Log}");
        // One waited while the other migrated and seeded (as long as that took: no timeout).
        (nodeA.Log + nodeB.Log).ShouldContain("Another node is preparing the database", Case.Sensitive,
            "neither node waited for the other: they did not start together");
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var module in Modules)
        {
            var applied = await ScalarListAsync(connection, $"SELECT count(*) FROM __{module}_migrations GROUP BY \"MigrationId\"");
            applied.ShouldNotBeEmpty(module);
            applied.ShouldAllBe(n => n == 1L, module);
        }
        (await ScalarListAsync(connection, "SELECT count(*) FROM hangfire.schema")).ShouldBe([1L], "Hangfire's schema was installed twice");
        (await ScalarListAsync(connection, "SELECT count(*) FROM accounts_roles GROUP BY \"NormalizedName\" HAVING count(*) > 1")).ShouldBeEmpty();
        (await ScalarListAsync(connection, "SELECT count(*) FROM accounts_users")).Single().ShouldBeGreaterThan(0, "the demo was not seeded");
        (await ScalarListAsync(connection, "SELECT count(*) FROM accounts_users GROUP BY \"NormalizedEmail\" HAVING count(*) > 1")).ShouldBeEmpty();
    }

    /// <summary>Lines the console logger writes for Error and Critical, and what an unhandled exception prints.</summary>
    private static List<string> ErrorLines(string log) =>
        log.Split('\n').Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal) ||
                                   l.Contains("Unhandled exception", StringComparison.Ordinal)).ToList();

    private static async Task<bool> ReadyAsync(AppProcess node)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try { return (await http.GetAsync(new Uri(node.Address, "/health/ready"))).IsSuccessStatusCode; }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
    }

    /// <summary>A role that may log in and a database it owns, made with the superuser the tests have, as docs/operations.md says.</summary>
    private sealed class OwnedDatabase : IDisposable
    {
        private readonly string _name;

        private OwnedDatabase(string name, string connectionString, string administratorConnectionString) =>
            (_name, ConnectionString, AdministratorConnectionString) = (name, connectionString, administratorConnectionString);

        /// <summary>As the role that owns the database (what the app is given).</summary>
        public string ConnectionString { get; }

        /// <summary>As the server's administrator, to the same database.</summary>
        public string AdministratorConnectionString { get; }

        public static OwnedDatabase Create()
        {
            var server = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)
                         ?? throw new InvalidOperationException($"{TestDatabase.PostgresVariable} is not set: run ./test.sh.");
            var name = $"hotspots_owner_{Guid.NewGuid():N}"[..28];
            const string password = "a-long-test-password";
            using (var admin = new NpgsqlConnection(server))
            {
                admin.Open();
                foreach (var sql in new[] { $"CREATE ROLE {name} LOGIN PASSWORD '{password}'", $"CREATE DATABASE {name} OWNER {name}" })
                {
                    using var command = new NpgsqlCommand(sql, admin);
                    command.ExecuteNonQuery();
                }
            }
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, Username = name, Password = password };
            return new OwnedDatabase(name, connection.ConnectionString, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        }

        public void Dispose()
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable));
            admin.Open();
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", $"DROP ROLE IF EXISTS {_name}" })
            {
                using var command = new NpgsqlCommand(sql, admin);
                command.ExecuteNonQuery();
            }
        }
    }
}

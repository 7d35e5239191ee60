using System.Text.Json;
using HotSpots.Testing;

namespace HotSpots.Web.Tests;

/// <summary>
/// The command line as <c>./run.sh VERB</c> runs it on a developer's machine (no environment set: Development, where .NET
/// checks at start that every registered service can be made) and on a server (Production): a verb starts and works in
/// both, and a relative path is read from the folder the command was typed in.
/// </summary>
public sealed class CommandLineEnvironmentTests
{
    private const string Month =
        "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n" +
        "a1,2024-03,TVP,TVP,-0.971000,51.455000,On or near Broad Street,E01016372,Reading 011A,Robbery,Under investigation,\n" +
        "a2,2024-03,TVP,TVP,-0.972000,51.456000,On or near Friar Street,E01016372,Reading 011A,Burglary,Under investigation,\n";

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task An_import_from_the_command_line_starts_and_reads_a_path_relative_to_the_callers_folder(string environment)
    {
        using var database = TestDatabase.Create("Sqlite");
        using var caller = new TempDirectory("hotspots-cli-caller");
        Directory.CreateDirectory(Path.Combine(caller.Path, "months"));
        await File.WriteAllTextAsync(Path.Combine(caller.Path, "months", "2024-03-street.csv"), Month);

        var (exit, output, standardOutput) = await RosterCommandLineTests.RunVerbAsync(database, caller.Path,
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = environment, ["Demo__Enabled"] = "false" },
            "import", "months/2024-03-street.csv", "--json");

        exit.ShouldBe(0, output);
        // The report is the last line of standard output: the log goes to standard error, however late it comes.
        var last = standardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        last.ShouldStartWith("{", Case.Sensitive, standardOutput);
        using var report = JsonDocument.Parse(last);
        report.RootElement.GetProperty("imported").GetInt64().ShouldBe(2, last);
    }
}

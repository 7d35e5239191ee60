using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Testing;

namespace HotSpots.Web.Tests;

/// <summary>A retired team keeps its history but takes no new assignments, and supervisors are no longer offered it.</summary>
public sealed class RetiredTeamTests
{
    [Fact]
    public async Task A_retired_team_takes_no_new_assignment_and_leaves_the_supervisors_list_while_its_members_stay()
    {
        using var database = TestDatabase.Create("Sqlite");
        await using var app = new HotSpotsApp(database, new Dictionary<string, string?> { ["Demo:CrimesPerYear"] = "4000" });
        await using var scope = app.Services.CreateAsyncScope();
        var workforce = scope.ServiceProvider.GetRequiredService<IWorkforce>();
        var tasking = scope.ServiceProvider.GetRequiredService<ITaskingModule>();
        var team = (await workforce.ListTeamsAsync(CancellationToken.None)).Single(t => t.Name == "Oxford Road");
        var day = await tasking.TodayAsync(CancellationToken.None);
        var spot = day.Spots[0].Spot;
        (await tasking.AssignAsync(spot.Id, team.Id, day.CurrentShift, "supervisor@demo.hotspots", CancellationToken.None)).TeamName.ShouldBe("Oxford Road");

        await scope.ServiceProvider.GetRequiredService<IWorkforceAdministration>().RetireTeamAsync(team.Id, "admin@demo.hotspots", CancellationToken.None);

        Should.Throw<ValidationException>(() => tasking.AssignAsync(day.Spots[1].Spot.Id, team.Id, day.CurrentShift, "supervisor@demo.hotspots", CancellationToken.None))
            .Message.ShouldBe("Team Oxford Road is retired: it takes no new assignments.");
        (await tasking.TodayAsync(CancellationToken.None)).Assignments.ShouldContain(a => a.TeamId == team.Id && a.HotspotId == spot.Id);
        (await workforce.ListOfficersAsync(CancellationToken.None)).Count(o => o.TeamId == team.Id).ShouldBeGreaterThan(0);
        var supervisor = await SignedInClient.SignInAsync(app, "supervisor@demo.hotspots");
        var page = await supervisor.GetStringAsync("/Supervisor");
        page.ShouldContain(">Town Centre</option>");
        page.ShouldNotContain(">Oxford Road</option>");
    }
}

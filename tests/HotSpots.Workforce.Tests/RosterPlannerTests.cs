using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Modules.Workforce.Roster;
using HotSpots.Modules.Workforce.Teams;

namespace HotSpots.Workforce.Tests;

public sealed class RosterPlannerTests
{
    private static readonly RosterRules Rules = new(["Officer", "Supervisor", "Analyst", "Manager", "Evaluator", "Admin"], "Supervisor");
    private const string Header = "email,name,collar,team,role\n";

    private static RosterPlan Plan(string body, IReadOnlyList<RosterAccount>? accounts = null, Dictionary<string, HeldOfficer>? officers = null,
        IReadOnlyList<HeldTeam>? teams = null)
    {
        officers ??= [];
        var byId = (accounts ?? []).ToDictionary(a => a.UserId);
        var collars = officers.Where(o => o.Value.Collar is not null).ToDictionary(o => o.Value.Collar!, o => o.Key);
        return RosterPlanner.Plan(RosterCsv.Parse(Header + body), Rules, accounts ?? [], officers, collars, teams ?? []);
    }

    [Fact]
    public void New_people_are_created_with_their_team_which_is_created_once()
    {
        var plan = Plan("a@force.example,PC Able,1001,Response A,officer\nb@force.example,Sgt Baker,2001,response a,Supervisor\n");
        plan.Lines.Select(l => l.Action).ShouldBe([RosterAction.Create, RosterAction.Create]);
        plan.NewTeams.ShouldBe(["Response A"]);
        plan.Lines[0].Role.ShouldBe("Officer");
        plan.Lines[1].Team.ShouldBe("Response A");
        (plan.Lines[0].Supervisor, plan.Lines[1].Supervisor).ShouldBe((false, true));
    }

    [Fact]
    public void A_person_held_as_the_file_says_is_unchanged_and_a_difference_is_an_update_saying_what_changes()
    {
        var accounts = new[] { new RosterAccount("a@force.example", "u1", ["Officer"]), new RosterAccount("B@Force.Example", "u2", ["Officer"]) };
        var officers = new Dictionary<string, HeldOfficer>
        {
            ["u1"] = new("PC Able", "1001", "Response A", false),
            ["u2"] = new("PC Baker", "1002", "Response A", false),
        };
        var plan = Plan("a@force.example,PC Able,1001,Response A,Officer\nb@force.example,Sgt Baker,1002,Response A,Supervisor\n",
            accounts, officers, [new HeldTeam(7, "Response A", false)]);
        plan.Lines[0].Action.ShouldBe(RosterAction.Unchanged);
        plan.Lines[1].Action.ShouldBe(RosterAction.Update);
        plan.Lines[1].UserId.ShouldBe("u2");
        plan.Lines[1].SetsRole.ShouldBeTrue();
        plan.Lines[1].Changes.ShouldBe(["role Officer → Supervisor", "name PC Baker → Sgt Baker", "now supervises the team"]);
        plan.NewTeams.ShouldBeEmpty();
    }

    [Fact]
    public void Each_bad_row_is_rejected_with_its_row_and_reason_and_the_good_rows_are_planned_as_if_it_were_not_there()
    {
        var plan = Plan(string.Join("\n",
            "good@force.example,PC Good,1,Response A,Officer",
            "not-an-email,PC Bad,2,Response A,Officer",
            "good@force.example,PC Twice,3,Response A,Officer",
            "c@force.example,,4,Response A,Officer",
            "d@force.example,PC Dee,1,Response A,Officer",
            "e@force.example,PC Eee,5,Response A,Sargeant",
            "f@force.example,Sgt Eff,6,,Supervisor",
            "g@force.example,PC Gee,7,Old Team,Officer",
            "h@force.example,PC Aitch,9999,Response A,Officer",
            "i@force.example,PC Eye,8,Response A",
            "j@force.example,PC Jay,J-1,Response A,Officer"),
            accounts: [new RosterAccount("other@force.example", "u9", ["Officer"])],
            officers: new() { ["u9"] = new("PC Other", "9999", null, false) },
            teams: [new HeldTeam(3, "Old Team", true)]);
        plan.Lines.Where(l => l.Action != RosterAction.Reject).Select(l => l.Row).ShouldBe([2, 12]);
        var reasons = plan.Rejected.ToDictionary(l => l.Row, l => l.Reason!);
        reasons[3].ShouldBe("'not-an-email' is not an email address.");
        reasons[4].ShouldBe("good@force.example is also on row 2; a person is listed once.");
        reasons[5].ShouldBe("An officer needs a name.");
        reasons[6].ShouldBe("Collar number 1 is also on row 2.");
        reasons[7].ShouldStartWith("'Sargeant' is not a role: use one of Officer, Supervisor");
        reasons[8].ShouldBe("A supervisor needs a team.");
        reasons[9].ShouldBe("Team Old Team is retired: it takes no new members.");
        reasons[10].ShouldBe("Collar number 9999 belongs to another officer.");
        reasons[11].ShouldBe("It has 4 fields; the header has 5 (email, name, collar, team, role).");
        plan.Rejected.Count.ShouldBe(9);
    }

    [Fact]
    public void The_sixty_officer_fixture_plans_fifty_eight_new_people_in_six_new_teams_and_two_rejections()
    {
        var plan = Plan(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "roster-60-officers.csv")).Split('\n', 2)[1]);
        plan.Created.ShouldBe(58);
        plan.NewTeams.Count.ShouldBe(6);
        plan.Rejected.Select(r => r.Row).ShouldBe([18, 45]);
        plan.Lines.Count(l => l.Supervisor).ShouldBe(6);
    }
}

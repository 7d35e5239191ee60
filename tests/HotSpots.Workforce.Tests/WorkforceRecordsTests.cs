using HotSpots.Modules.Workforce;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Data;
using HotSpots.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Workforce.Tests;

/// <summary>Teams and officer records on a real database, both providers: changes, refusals, audit, and the reading contract's copy.</summary>
public sealed class WorkforceRecordsTests
{
    private static readonly RosterRules Rules = new(["Officer", "Supervisor", "Analyst", "Manager", "Evaluator", "Admin"], "Supervisor");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_fresh_database_migrates_from_the_initial_migration(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var services = await ModuleHost.StartAsync(database, (s, c) => s.AddWorkforceModule(c));
        var module = services.GetServices<IModuleDatabase>().Single(m => m.Module == "Workforce");
        module.HasPendingModelChanges().ShouldBeFalse();
        (await module.UnknownAppliedMigrationsAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Teams_are_created_renamed_and_retired_and_a_retired_team_keeps_its_members_but_takes_no_new_ones(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var services = await ModuleHost.StartAsync(database, (s, c) => s.AddWorkforceModule(c));
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<IWorkforceAdministration>();
        var reader = scope.ServiceProvider.GetRequiredService<IWorkforce>();

        var team = await admin.CreateTeamAsync(" Response A ", "admin", CancellationToken.None);
        team.Name.ShouldBe("Response A");
        (await admin.CreateTeamAsync("response a", "admin", CancellationToken.None)).Id.ShouldBe(team.Id);
        var other = await admin.CreateTeamAsync("Response B", "admin", CancellationToken.None);
        await admin.SaveOfficerAsync(new OfficerRecord("u1", "PC Able", "ab1", team.Id), "admin", CancellationToken.None);
        await admin.SaveOfficerAsync(new OfficerRecord("u2", "Sgt Baker", "2001", team.Id, Supervisor: true), "admin", CancellationToken.None);

        var able = (await reader.FindOfficerAsync("u1", CancellationToken.None))!;
        (able.DisplayName, able.CollarNumber, able.TeamName, able.Supervisor).ShouldBe(("PC Able", "AB1", "Response A", false));
        var held = (await reader.ListTeamsAsync(CancellationToken.None)).Single(t => t.Id == team.Id);
        held.Members.ShouldBe(2);
        held.SupervisorIds.ShouldBe(["u2"]);

        Should.Throw<ValidationException>(() => admin.RenameTeamAsync(team.Id, "RESPONSE B", "admin", CancellationToken.None))
            .Message.ShouldBe("There is already a team named Response B.");
        await admin.RenameTeamAsync(team.Id, "Response Alpha", "admin", CancellationToken.None);
        (await reader.FindOfficerAsync("u1", CancellationToken.None))!.TeamName.ShouldBe("Response Alpha");

        await admin.RetireTeamAsync(team.Id, "admin", CancellationToken.None);
        (await reader.ListTeamsAsync(CancellationToken.None)).Single(t => t.Id == team.Id).ShouldSatisfyAllConditions(
            t => t.Retired.ShouldBeTrue(), t => t.Members.ShouldBe(2));
        // A member may still be saved (a new name), a newcomer may not join.
        await admin.SaveOfficerAsync(new OfficerRecord("u1", "PC Able-Smith", "AB1", team.Id), "admin", CancellationToken.None);
        Should.Throw<ValidationException>(() => admin.SaveOfficerAsync(new OfficerRecord("u3", "PC Cole", null, team.Id), "admin", CancellationToken.None))
            .Message.ShouldBe("Team Response Alpha is retired: it takes no new members.");
        Should.Throw<ValidationException>(() => admin.SaveOfficerAsync(new OfficerRecord("u3", "PC Cole", "ab1", other.Id), "admin", CancellationToken.None))
            .Message.ShouldBe("Collar number AB1 belongs to another officer.");
        Should.Throw<ValidationException>(() => admin.SaveOfficerAsync(new OfficerRecord("u3", "Sgt Cole", null, null, Supervisor: true), "admin", CancellationToken.None))
            .Message.ShouldBe("Sgt Cole supervises a team, so needs a team.");
        Should.Throw<ValidationException>(() => admin.CreateTeamAsync("Response Alpha", "admin", CancellationToken.None))
            .Message.ShouldBe("There is a retired team named Response Alpha: choose another name.");

        var audit = await scope.ServiceProvider.GetRequiredService<IAuditLog>().SearchAsync(new AuditQuery(Actor: "admin"), CancellationToken.None);
        audit.Select(a => a.Action).Order().ShouldBe(["officer.create", "officer.create", "officer.update", "team.create", "team.create", "team.rename", "team.retire"]);
        audit.Single(a => a.Action == "officer.update").Details.ShouldBe("name PC Able → PC Able-Smith");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saving_what_is_held_writes_nothing_and_audits_nothing(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var services = await ModuleHost.StartAsync(database, (s, c) => s.AddWorkforceModule(c));
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<IWorkforceAdministration>();
        var team = await admin.CreateTeamAsync("Response A", "admin", CancellationToken.None);
        var record = new OfficerRecord("u1", "PC Able", "1001", team.Id);
        await admin.SaveOfficerAsync(record, "admin", CancellationToken.None);
        var revisions = scope.ServiceProvider.GetRequiredService<HotSpots.Platform.Revisions.IRevisionReader>();
        var before = (await revisions.ReadAsync(CancellationToken.None))[WorkforceRevisions.People];
        before.ShouldBe(2);

        await admin.SaveOfficerAsync(record, "admin", CancellationToken.None);

        (await revisions.ReadAsync(CancellationToken.None))[WorkforceRevisions.People].ShouldBe(before);
        (await scope.ServiceProvider.GetRequiredService<IAuditLog>().SearchAsync(new AuditQuery(Action: "officer.update"), CancellationToken.None)).ShouldBeEmpty();
    }

    /// <summary>The module's half of the roster import: planned, applied with the accounts the host made, and applied again unchanged.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_roster_applied_twice_changes_nothing_the_second_time(string provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var services = await ModuleHost.StartAsync(database, (s, c) => s.AddWorkforceModule(c));
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "roster-60-officers.csv"));
        var accounts = new List<RosterAccount>();

        await using (var scope = services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<IWorkforceAdministration>();
            var plan = await admin.PlanRosterAsync(csv, Rules, accounts, CancellationToken.None);
            // The host's part, done here by hand: an account for each created row.
            var made = plan.Lines.Where(l => l.Action == RosterAction.Create).ToDictionary(l => l.Row, l => $"user-{l.Row}");
            accounts.AddRange(plan.Lines.Where(l => made.ContainsKey(l.Row)).Select(l => new RosterAccount(l.Email, made[l.Row], [l.Role])));
            var outcome = await admin.ApplyRosterAsync(plan, made, "admin", CancellationToken.None);
            (outcome.Applied.Created, outcome.Applied.Updated, outcome.Applied.Unchanged, outcome.Applied.Rejected.Count, outcome.TeamsCreated)
                .ShouldBe((58, 0, 0, 2, 6));
            var reader = scope.ServiceProvider.GetRequiredService<IWorkforce>();
            (await reader.ListOfficersAsync(CancellationToken.None)).Count.ShouldBe(58);
            var teams = await reader.ListTeamsAsync(CancellationToken.None);
            teams.Count.ShouldBe(6);
            teams.ShouldAllBe(t => t.SupervisorIds.Count == 1);
            (await reader.FindOfficerAsync(made[6], CancellationToken.None))!.DisplayName.ShouldBe("Clarke, PC Ellie");
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<IWorkforceAdministration>();
            var again = await admin.PlanRosterAsync(csv, Rules, accounts, CancellationToken.None);
            (again.Created, again.Updated, again.Unchanged, again.Rejected.Count).ShouldBe((0, 0, 58, 2));
            var outcome = await admin.ApplyRosterAsync(again, new Dictionary<int, string>(), "admin", CancellationToken.None);
            (outcome.Applied.Unchanged, outcome.TeamsCreated).ShouldBe((58, 0));
            (await scope.ServiceProvider.GetRequiredService<IAuditLog>().SearchAsync(new AuditQuery(Action: "officer.update"), CancellationToken.None)).ShouldBeEmpty();
        }
    }
}

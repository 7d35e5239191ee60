using HotSpots.Demo;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Data;
using HotSpots.Web.Accounts;
using HotSpots.Web.Security;

namespace HotSpots.Web.Demo;

/// <summary>
/// Seeds the demo force: a year of generated crimes written as a force records file and imported the normal
/// way, teams and officer records (through Workforce's administration contract, as a force's
/// own would be made), the demo sign-ins (made the one way accounts are made, with the demo's published password), and a published hot spot set.
/// </summary>
internal sealed class DemoSeeder(
    IUserAccounts accounts, IUserAdministration administration, IImports ingestion, IHotspotModule hotspots, IWorkforceAdministration workforce,
    DemoPatrols patrols, DemoOptions options, SecurityOptions security, DatabaseSettings database, ForceOptions force, IForceSettings forceSettings,
    IFirstUse firstUse, TimeProvider clock, ILogger<DemoSeeder> log)
{
    /// <summary>Who the audit log names for the demo seed's changes.</summary>
    public const string Actor = "demo seed";

    /// <summary>Seeds on a first start only: once anyone can sign in, the data is the force's to keep.</summary>
    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (accounts.AnyUsers())
        {
            log.LogInformation("Demo data already present: keeping it.");
            await EnrolDemoAuthenticatorsAsync();
            return;
        }
        await SeedAsync(cancellationToken);
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // The force's set-up, as an administrator would save it: the configured values, named, with OpenStreetMap's tiles
        // unless the configuration names others (a demonstration on one machine; a force chooses its own).
        var configured = forceSettings.Current;
        await forceSettings.SaveAsync(configured with
        {
            Name = configured.Name is { Length: > 0 } forceName ? forceName : "Demo Force",
            TileUrl = configured.TileUrl is { Length: > 0 } url ? url : ForceValues.PublicOsmTiles,
            TileAttribution = configured.TileUrl is { Length: > 0 } ? configured.TileAttribution : "© OpenStreetMap contributors",
            PublicTilesAccepted = true,
        }, Actor, cancellationToken);
        var yesterday = DateOnly.FromDateTime(force.UtcToLocal(clock.GetUtcNow().UtcDateTime)).AddDays(-1);
        var folder = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "demo")).FullName;
        var file = Path.Combine(folder, "demo-force-records.csv");
        await using (var writer = new StreamWriter(file))
            ForceRecordsCsv.Write(writer, DemoTown.Crimes(options.Seed, yesterday, perYear: options.CrimesPerYear));
        var report = await ingestion.ImportAsync(new ImportRequest(file, CrimeFileFormat.ForceRecordsCsv, "demo seed"), null, cancellationToken);
        log.LogInformation("Demo force: {Imported} crimes imported ({Unchanged} already held) from {File}", report.Imported, report.Unchanged, file);

        var teams = new Dictionary<string, long>();
        foreach (var name in DemoOptions.Teams)
            teams[name] = (await workforce.CreateTeamAsync(name, Actor, cancellationToken)).Id;
        var patrollers = new List<string>();
        foreach (var account in options.AllAccounts())
        {
            var user = await administration.EnsureUserAsync(account.Email, DemoOptions.Password, Actor, account.Role);
            if (account.Role is Roles.Officer or Roles.Supervisor)
            {
                // The demo's people have been through the first-use guide (the menu opens it again); a force's new officers get it.
                await firstUse.MarkGuideSeenAsync(user.Id, cancellationToken);
                await workforce.SaveOfficerAsync(
                    new OfficerRecord(user.Id, account.DisplayName, null, account.Team is { } t ? teams[t] : null, account.Role == Roles.Supervisor),
                    Actor, cancellationToken);
                if (DemoOptions.Accounts.Contains(account)) patrollers.Add(user.Id); // history for the named demo officers only
            }
        }
        await patrols.AddRosterAsync(teams, cancellationToken);

        await EnrolDemoAuthenticatorsAsync();
        var set = await hotspots.RefreshAsync(publish: true, "demo seed", cancellationToken);
        log.LogInformation("Demo force: hot spot set {SetId} published with {Spots} spots", set.Id, set.SpotCount);
        await patrols.SeedAsync(options.Seed, options.PatrolHistoryDays, [.. patrollers, .. DemoPatrols.Roster.Select(r => r.Id)], cancellationToken);
        log.LogInformation("Demo force: {Days} days of patrol history", options.PatrolHistoryDays);
    }

    /// <summary>The demo accounts whose role needs two-factor sign-in use the demo's known authenticator key.</summary>
    private async Task EnrolDemoAuthenticatorsAsync()
    {
        foreach (var account in DemoOptions.Accounts.Where(a => security.TwoFactorRoles.Contains(a.Role)))
            if (await accounts.FindAsync(account.Email) is { } user)
                await accounts.EnrolAuthenticatorAsync(user, DemoOptions.AuthenticatorKey);
    }
}

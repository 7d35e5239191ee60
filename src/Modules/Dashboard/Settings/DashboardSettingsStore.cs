using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Platform.Settings;

namespace HotSpots.Modules.Dashboard.Settings;

/// <summary>The dashboard's run-time settings, kept in the platform's settings store (every change audited there).</summary>
internal sealed class DashboardSettingsStore(ISettingsStore settings)
{
    public const string ManagersSeePeopleKey = "Dashboard.ManagersSeePeople";
    public const string InitialsOutsideTeamKey = "Dashboard.InitialsOutsideTeam";
    public const string OfficersSeeTheirPlaceKey = "Dashboard.OfficersSeeTheirPlace";

    public async Task<DashboardSettings> GetAsync(CancellationToken cancellationToken) => new(
        await settings.GetAsync(ManagersSeePeopleKey, DashboardSettings.Default.ManagersSeePeople, cancellationToken),
        await settings.GetAsync(InitialsOutsideTeamKey, DashboardSettings.Default.InitialsOutsideTeam, cancellationToken),
        await settings.GetAsync(OfficersSeeTheirPlaceKey, DashboardSettings.Default.OfficersSeeTheirPlace, cancellationToken));

    public async Task SetAsync(DashboardSettings value, string changedBy, CancellationToken cancellationToken)
    {
        var current = await GetAsync(cancellationToken);
        if (current.ManagersSeePeople != value.ManagersSeePeople)
            await settings.SetAsync(ManagersSeePeopleKey, value.ManagersSeePeople, changedBy, cancellationToken);
        if (current.InitialsOutsideTeam != value.InitialsOutsideTeam)
            await settings.SetAsync(InitialsOutsideTeamKey, value.InitialsOutsideTeam, changedBy, cancellationToken);
        if (current.OfficersSeeTheirPlace != value.OfficersSeeTheirPlace)
            await settings.SetAsync(OfficersSeeTheirPlaceKey, value.OfficersSeeTheirPlace, changedBy, cancellationToken);
    }
}

using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Web.Accounts;

namespace HotSpots.Web.Api;

/// <summary>Who is on patrol where, for the supervisor's page to refresh without reloading.</summary>
internal static class SupervisorApi
{
    public static void MapSupervisorApi(this WebApplication app) =>
        app.MapGet("/api/supervisor/live", async (IPatrolSupervision patrols, IWorkforce workforce, TimeProvider clock, CancellationToken ct) =>
        {
            var officers = (await workforce.ListOfficersAsync(ct)).ToDictionary(o => o.OfficerId);
            var now = clock.GetUtcNow().UtcDateTime;
            var running = await patrols.ListRunningAsync(ct);
            return Results.Ok(running.Select(r => new LivePatrolJson(
                officers.GetValueOrDefault(r.Patrol.OfficerId)?.DisplayName ?? "Unknown officer",
                officers.GetValueOrDefault(r.Patrol.OfficerId)?.TeamName,
                r.Patrol.HotspotName,
                (int)(now - r.Patrol.StartedUtc).TotalMinutes,
                Math.Round(r.Patrol.MinutesInside, 1),
                r.Patrol.Inside,
                r.LastPingUtc is { } seen ? (int)(now - seen).TotalSeconds : null,
                r.Patrol.ObservedShare is { } share ? Math.Round(share, 3) : null,
                r.Quiet)));
        }).RequireAuthorization(Policies.Supervise);
}

/// <param name="ObservedShare">The share of the patrol so far that was measured (docs/measurement.md).</param>
/// <param name="Quiet">Nothing heard for longer than the gap threshold: the patrol is not being measured now.</param>
internal sealed record LivePatrolJson(
    string Officer, string? Team, string Spot, int MinutesOnPatrol, double MinutesInside, bool Inside, int? LastSeenSecondsAgo,
    double? ObservedShare, bool Quiet);

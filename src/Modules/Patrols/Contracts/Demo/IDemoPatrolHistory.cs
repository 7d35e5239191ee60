namespace HotSpots.Modules.Patrols.Contracts.Demo;

/// <summary>
/// Demo mode only: starts a patrol at a past time without asking Tasking (whose board is today's), so that the demo
/// force has a patrol history; its pings, activities and end then go through <see cref="IOfficerPatrols"/> as for any
/// patrol. Not part of the production contract: it is registered only by <see cref="PatrolsModule.AddPatrolsDemoHistory"/>,
/// which the web host calls only in demo mode, and no module may use it (the architecture tests hold both).
/// </summary>
public interface IDemoPatrolHistory
{
    /// <summary>Starts a patrol of the spot at <paramref name="startedUtc"/> (not in the future); a running patrol of the officer is ended first.</summary>
    Task<PatrolView> StartPastAsync(string officerId, long hotspotId, DateTime startedUtc, CancellationToken cancellationToken);
}

namespace HotSpots.Modules.Tasking.Contracts;

/// <summary>
/// The dose delivered to spots by tasked patrols. Tasking defines it, the Patrols module provides it (Patrols
/// depends on Tasking, not the other way round); without a provider every dose is zero.
/// </summary>
public interface IDoseSource
{
    /// <summary>Officer-minutes inside each spot, visits and the last visit, in the police day [dayStartUtc, +1 day).</summary>
    Task<IReadOnlyList<SpotDose>> DoseForDayAsync(DateTime dayStartUtc, CancellationToken cancellationToken);
}

public sealed record SpotDose(long HotspotId, double OfficerMinutes, int Visits, DateTime? LastVisitUtc);

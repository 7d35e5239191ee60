using System.Globalization;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;

namespace HotSpots.Modules.Dashboard.Trials;

/// <summary>What one viewer may see of a sealed trial that is not over (<see cref="TrialSight"/>), worked out once per read.</summary>
/// <param name="Named">The spots the viewer may see named, or null for every spot.</param>
internal sealed record Blinding(TrialSight Sight, DateOnly Today, IReadOnlySet<long>? Named)
{
    /// <summary>Everything: for the trial's own pages and jobs, and reads that name no spot.</summary>
    public static Blinding None(DateOnly today) => new(TrialSight.BySpot, today, null);

    /// <summary>Whether a hot spot may be named to this viewer at all.</summary>
    public bool Names(long hotspotId) => Named is null || Named.Contains(hotspotId);

    /// <summary>Whether this viewer sees the trial's arms spot by spot: those who evaluate, and everyone once the trial is over.</summary>
    public bool ArmsBySpot(TrialView trial) => Sight == TrialSight.BySpot || trial.LastDay < Today;

    /// <summary>Why figures per spot of a trial are left out, or null when they are shown.</summary>
    public string? Withheld(TrialView? trial) => trial is null || ArmsBySpot(trial) ? null : string.Create(CultureInfo.InvariantCulture,
        $"While trial “{trial.Name}” runs (to {trial.LastDay:d MMM yyyy}), which spot is in which arm is shown only to its evaluators, on the trial's page; here the arms are in totals.");

    /// <summary>A key that tells apart answers drawn for viewers who may see different spots.</summary>
    public string Key => Named is null ? "all" : string.Join(',', Named.Order());
}

/// <summary>Works out a viewer's <see cref="Blinding"/> from the sealed trials and today's tasking board.</summary>
internal sealed class TrialBlinding(ITaskingModule tasking, ForceOptions force, TimeProvider clock)
{
    public DateOnly Today => force.PoliceDay(clock.GetUtcNow().UtcDateTime);

    public async Task<Blinding> ForAsync(TrialSight sight, CancellationToken cancellationToken)
    {
        if (sight != TrialSight.TreatedToday) return new Blinding(sight, Today, null);
        // Those who task and patrol see, while a trial covers today, only the spots on today's board: its treatment spots.
        var day = await tasking.TodayAsync(cancellationToken);
        return new Blinding(sight, day.PoliceDay, day.TrialName is null ? null : day.Spots.Select(s => s.Spot.Id).ToHashSet());
    }
}

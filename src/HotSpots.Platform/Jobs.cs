using Hangfire;

namespace HotSpots.Platform;

/// <summary>A module's recurring jobs; the composition root registers them all with Hangfire on start.</summary>
public interface IRecurringJobs
{
    void Register(IRecurringJobManager jobs);
}

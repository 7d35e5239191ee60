using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Sessions;
using HotSpots.Modules.Patrols.Store;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Patrols.Jobs;

/// <summary>Ends patrols that have run longer than the longest patrol allowed, so that no phone is tracked by a forgotten patrol.</summary>
internal sealed class EndOverduePatrolsJob(PatrolsDbContext db, PatrolEnding ending, RuntimeSettings settings, PatrolStateCache cache, TimeProvider clock)
{
    public const string Id = "end-overdue-patrols";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var longest = TimeSpan.FromMinutes(await settings.MaxPatrolMinutesAsync(cancellationToken));
        var cutoff = now - longest;
        var overdue = await db.Patrols.AsNoTracking().Where(p => p.EndedUtc == null && p.StartedUtc < cutoff)
            .Select(p => new { p.Id, p.StartedUtc }).ToListAsync(cancellationToken);
        var ended = 0;
        foreach (var patrol in overdue)
            if (await ending.EndAsync(patrol.Id, null, patrol.StartedUtc + longest, PatrolEnding.Automatic, cancellationToken)) ended++;
        cache.Sweep(now.AddHours(-2));
        return ended;
    }
}

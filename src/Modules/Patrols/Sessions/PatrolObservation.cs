using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Modules.Patrols.Data;
using HotSpots.Modules.Patrols.Store;
using HotSpots.Modules.Patrols.Tracks;
using HotSpots.Platform;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Patrols.Sessions;

/// <summary>
/// How much of a patrol was measured (docs/measurement.md): the stretches the page reported it could not measure are
/// stored here, and <see cref="Observation"/> adds them to the server's silences. An ended patrol's figures are stored
/// on its row when it ends; a running patrol's are worked out when asked, up to now.
/// </summary>
internal sealed class PatrolObservation(PatrolsDbContext db, PatrolSettings settings, PatrolStateCache cache, TimeProvider clock)
{
    /// <summary>Stores the stretch; true when it was new and the patrol had already ended (its visits must be derived again).</summary>
    public async Task<bool> RecordAsync(long patrolId, string officerId, UnobservedInput input, CancellationToken cancellationToken)
    {
        if (!UnobservedInput.Reasons.Contains(input.Reason))
            throw new ValidationException($"Unobserved stretch {input.Sequence}: reason '{input.Reason}' is not one of: {string.Join(", ", UnobservedInput.Reasons)}.");
        if (input.ToUtc <= input.FromUtc)
            throw new ValidationException($"Unobserved stretch {input.Sequence}: it ends before it starts.");
        var patrol = await db.Patrols.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patrolId && p.OfficerId == officerId, cancellationToken)
            ?? throw new PatrolNotFoundException(patrolId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (input.ToUtc > now.AddSeconds(settings.MaxClockAheadSeconds) || input.ToUtc < patrol.StartedUtc.AddMinutes(-1)
            || patrol.EndedUtc is { } ended && input.FromUtc > ended.AddMinutes(1))
            throw new ValidationException($"Unobserved stretch {input.Sequence}: it is outside the patrol.");
        if (await db.UnobservedReports.AnyAsync(u => u.PatrolId == patrolId && u.Sequence == input.Sequence, cancellationToken)) return false;
        db.UnobservedReports.Add(new UnobservedReport
        {
            PatrolId = patrolId, Sequence = input.Sequence, StartUtc = input.FromUtc, EndUtc = input.ToUtc, Reason = input.Reason,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same stretch sent twice at once (a retry) is stored by the other request; anything else is a real failure.
            db.ChangeTracker.Clear();
            if (!await db.UnobservedReports.AsNoTracking().AnyAsync(u => u.PatrolId == patrolId && u.Sequence == input.Sequence, cancellationToken)) throw;
            return false;
        }
        // The running derivation does not know the stretch: the next batch derives the patrol again from its positions.
        cache.Forget(patrolId);
        return patrol.EndedUtc is not null;
    }

    /// <summary>Measures the patrol to its end (or now, while it runs) from its usable positions and the page's reports.</summary>
    public async Task<ObservationResult> MeasureAsync(long patrolId, DateTime startedUtc, DateTime? endedUtc, CancellationToken cancellationToken)
    {
        var end = endedUtc ?? clock.GetUtcNow().UtcDateTime;
        var fixes = await db.Pings.AsNoTracking()
            .Where(p => p.PatrolId == patrolId && (p.AccuracyMetres == null || p.AccuracyMetres <= settings.MaxAccuracyMetres))
            .Select(p => p.TimeUtc).ToListAsync(cancellationToken);
        var reported = await db.UnobservedReports.AsNoTracking().Where(u => u.PatrolId == patrolId)
            .Select(u => new { u.StartUtc, u.EndUtc }).ToListAsync(cancellationToken);
        return Observation.Measure(startedUtc, end, fixes, reported.Select(r => new TimeStretch(r.StartUtc, r.EndUtc)), settings.MaxGapSeconds);
    }

    /// <summary>Stores an ended patrol's figures on its row (within the caller's transaction, when there is one).</summary>
    public async Task StoreAsync(long patrolId, CancellationToken cancellationToken)
    {
        var patrol = await db.Patrols.AsNoTracking().Where(p => p.Id == patrolId)
            .Select(p => new { p.StartedUtc, p.EndedUtc }).SingleAsync(cancellationToken);
        if (patrol.EndedUtc is null) return;
        var result = await MeasureAsync(patrolId, patrol.StartedUtc, patrol.EndedUtc, cancellationToken);
        await db.Patrols.Where(p => p.Id == patrolId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.ObservedSeconds, result.ObservedSeconds)
            .SetProperty(p => p.UnobservedSeconds, result.UnobservedSeconds), cancellationToken);
    }

    /// <summary>The views, running patrols measured up to now (ended ones as stored).</summary>
    public async Task<IReadOnlyList<PatrolView>> LiveAsync(IReadOnlyList<PatrolView> views, CancellationToken cancellationToken)
    {
        if (views.All(v => !v.Running)) return views;
        var live = new List<PatrolView>(views.Count);
        foreach (var view in views) live.Add(await LiveAsync(view, cancellationToken));
        return live;
    }

    public async Task<PatrolView> LiveAsync(PatrolView view, CancellationToken cancellationToken)
    {
        if (!view.Running) return view;
        var result = await MeasureAsync(view.Id, view.StartedUtc, null, cancellationToken);
        return view with { ObservedSeconds = result.ObservedSeconds, UnobservedSeconds = result.UnobservedSeconds };
    }
}

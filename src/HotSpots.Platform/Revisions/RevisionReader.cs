using HotSpots.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Platform.Revisions;

/// <summary>Reads the revisions of every kind of data from the database.</summary>
public interface IRevisionReader
{
    /// <summary>
    /// The revisions as committed when this call was made, or later: the answer comes from a read of the database that
    /// began after the call, so it counts every write that had committed before it (one small query, shared by the
    /// callers that arrive while it waits to begin).
    /// </summary>
    Task<RevisionReading> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One read of <c>platform_revisions</c> (a row per kind) at a time: callers that arrive while a read is in flight wait
/// for the next one, which begins when it ends and answers them all. Each caller still gets a read begun after it came,
/// and under load the database sees one small query per round trip instead of one per request.
/// </summary>
internal sealed class RevisionReader(IServiceScopeFactory scopes) : IRevisionReader
{
    private readonly Lock _gate = new();
    private bool _reading;
    private TaskCompletionSource<RevisionReading>? _waiting;

    public Task<RevisionReading> ReadAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<RevisionReading> mine;
        lock (_gate)
        {
            if (_reading)
            {
                _waiting ??= new TaskCompletionSource<RevisionReading>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _waiting.Task.WaitAsync(cancellationToken);
            }
            _reading = true;
            mine = new TaskCompletionSource<RevisionReading>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _ = ReadForAsync(mine);
        return mine.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Reads for the callers of <paramref name="callers"/>, then for those who came meanwhile, until none wait.</summary>
    private async Task ReadForAsync(TaskCompletionSource<RevisionReading> callers)
    {
        while (true)
        {
            try
            {
                // Not cancelled by any one caller: others share the read. A caller who gives up stops waiting for it.
                callers.SetResult(await QueryAsync());
            }
            catch (Exception e)
            {
                callers.SetException(e);
            }
            lock (_gate)
            {
                if (_waiting is null)
                {
                    _reading = false;
                    return;
                }
                callers = _waiting;
                _waiting = null;
            }
        }
    }

    private async Task<RevisionReading> QueryAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return new RevisionReading(await db.Revisions.AsNoTracking().ToDictionaryAsync(r => r.Kind, r => r.Number, StringComparer.Ordinal));
    }
}

using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform.Revisions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotSpots.Modules.Ingestion.QueryCrimes;

/// <summary>
/// The mappable crimes held in memory between calls, for every caller of the process (hot spot refreshes, dashboards):
/// reading a million crimes takes seconds, cutting a window out of memory milliseconds. A revisioned copy
/// (<see cref="RevisionedCache{T}"/> of <see cref="IngestionRevisions.Crimes"/>): every call first reads the crimes'
/// revision, so that a write by this process or another (several web nodes on one PostgreSQL) is seen by the next call;
/// only a changed revision reads the crimes again, once, whoever asks meanwhile.
/// </summary>
internal sealed class CrimeTableCache : IAsyncDisposable, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<CrimeTableCache> _log;
    private readonly RevisionedCache<MappableCrimes> _crimes;
    private readonly CancellationTokenSource _stopping = new();
    private Task _background = Task.CompletedTask;

    public CrimeTableCache(IServiceScopeFactory scopes, IRevisionReader revisions, TimeProvider clock, ILogger<CrimeTableCache> log)
    {
        _scopes = scopes;
        _log = log;
        _crimes = new RevisionedCache<MappableCrimes>(revisions, [IngestionRevisions.Crimes], ReadAsync, clock);
    }

    public Task<MappableCrimes> GetAsync(CancellationToken cancellationToken) => _crimes.GetAsync(cancellationToken);

    private async Task<MappableCrimes> ReadAsync(RevisionStamp stamp, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrimeTableQuery>().ReadAsync(stamp[IngestionRevisions.Crimes], cancellationToken);
    }

    /// <summary>Reads the crimes again now if they changed, without waiting, so that the next caller finds them ready.</summary>
    public void LoadInBackground()
    {
        lock (_stopping)
        {
            if (_stopping.IsCancellationRequested) return;
            _background = _background.ContinueWith(_ => LoadAsync(_stopping.Token), TaskScheduler.Default).Unwrap();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var crimes = await GetAsync(cancellationToken);
            _log.LogInformation("Crimes held in memory: {Count} mappable crimes at revision {Revision}", crimes.Count, crimes.Revision);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested || e is ObjectDisposedException)
        {
        }
        catch (Exception e)
        {
            // Only an early read failed: the next caller reads the crimes itself, and sees the error.
            _log.LogWarning(e, "Reading the crimes into memory ahead of their first use failed");
        }
    }

    /// <summary>Stops a background read (the host is stopping) and waits for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        Dispose();
        await _background;
    }

    public void Dispose()
    {
        lock (_stopping) _stopping.Cancel();
    }
}

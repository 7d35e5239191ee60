using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotSpots.Modules.Ingestion.QueryCrimes;

/// <summary>
/// The mappable crimes held in memory between calls, for every caller of the process (hot spot refreshes, dashboards):
/// reading a million crimes takes seconds, cutting a window out of memory milliseconds. Each call first reads the
/// revision of the crimes from the database, so that a write by this process or another (several web nodes on one
/// PostgreSQL) is seen at once; only a changed revision reads the crimes again, once, whoever asks meanwhile.
/// </summary>
internal sealed class CrimeTableCache(IServiceScopeFactory scopes, ILogger<CrimeTableCache> log) : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private MappableCrimes? _held;
    private Task _background = Task.CompletedTask;

    public async Task<MappableCrimes> GetAsync(CrimeTableQuery query, CancellationToken cancellationToken)
    {
        var revision = await query.RevisionAsync(cancellationToken);
        if (_held is { } held && held.Revision == revision) return held;
        await _reading.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have read them while this one waited.
            revision = await query.RevisionAsync(cancellationToken);
            if (_held is { } read && read.Revision == revision) return read;
            return _held = await query.ReadAsync(revision, cancellationToken);
        }
        finally
        {
            _reading.Release();
        }
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
            await using var scope = scopes.CreateAsyncScope();
            var crimes = await GetAsync(scope.ServiceProvider.GetRequiredService<CrimeTableQuery>(), cancellationToken);
            log.LogInformation("Crimes held in memory: {Count} mappable crimes at revision {Revision}", crimes.Count, crimes.Revision);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested || e is ObjectDisposedException)
        {
        }
        catch (Exception e)
        {
            // Only an early read failed: the next caller reads the crimes itself, and sees the error.
            log.LogWarning(e, "Reading the crimes into memory ahead of their first use failed");
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

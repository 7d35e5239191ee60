using HotSpots.Modules.Ingestion.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotSpots.Modules.Ingestion.ImportCrimes;

/// <summary>
/// Keeps a running import's heartbeat fresh every <see cref="CrimeImport.HeartbeatEvery"/>, on a connection of its own,
/// whatever the import is doing (reading a slow file, waiting for the database): an import without a heartbeat for
/// <see cref="CrimeImport.HeartbeatTimeout"/> is taken for dead and run again elsewhere, so a live one must never look so.
/// </summary>
internal sealed class ImportHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ImportHeartbeat(IServiceScopeFactory scopes, long importId, TimeProvider clock, ILogger<ImportHeartbeat> log) =>
        _loop = Task.Run(() => BeatAsync(scopes, importId, clock, log, _stop.Token));

    public static ImportHeartbeat Start(IServiceScopeFactory scopes, long importId, TimeProvider clock, ILogger<ImportHeartbeat> log) =>
        new(scopes, importId, clock, log);

    private static async Task BeatAsync(IServiceScopeFactory scopes, long importId, TimeProvider clock, ILogger log, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(CrimeImport.HeartbeatEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<IngestionDbContext>();
                    var now = clock.GetUtcNow().UtcDateTime;
                    await db.Imports.Where(r => r.Id == importId && r.Status == ImportStatus.Running)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatUtc, now), stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next beat tries again; the import's own writes fail loudly if the database is gone.
                    log.LogWarning("Import {ImportId}: its heartbeat could not be written ({Reason}).", importId, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopped with the import
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}

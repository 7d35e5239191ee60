using Hangfire;
using HotSpots.Web.Hosting;
using HotSpots.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace HotSpots.Web.Operations;

/// <summary>Ready only when the database answers.</summary>
internal sealed class DatabaseHealthCheck(DatabaseSettings database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using System.Data.Common.DbConnection connection = database.Provider == DatabaseProvider.Postgres
                ? new NpgsqlConnection(database.ConnectionString)
                : new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy($"{database.Provider} answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} does not answer: {e.GetType().Name}.");
        }
    }
}

/// <summary>
/// Ready only when a Hangfire server is alive (on any node): one whose last heartbeat is more recent than the time after
/// which the others take it for dead (<see cref="JobTimings.ServerTimeout"/>), so that a killed node is not counted.
/// </summary>
internal sealed class JobServerHealthCheck(JobStorage storage, JobTimings timings, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var alive = storage.GetMonitoringApi().Servers().Count(s => s.Heartbeat is { } beat && now - beat < timings.ServerTimeout);
            return Task.FromResult(alive > 0
                ? HealthCheckResult.Healthy($"{alive} job server(s) alive.")
                : HealthCheckResult.Unhealthy($"No job server has checked in for {timings.ServerTimeout.TotalSeconds:0} seconds."));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The job storage does not answer: {e.GetType().Name}."));
        }
    }
}

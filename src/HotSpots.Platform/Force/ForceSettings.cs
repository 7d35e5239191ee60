using HotSpots.Platform.Revisions;
using HotSpots.Platform.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HotSpots.Platform;

/// <summary>
/// The force's settings as saved on the set-up page: validated, kept in the database (settings store, key
/// <see cref="Key"/>, audited), and put in force without a restart (<see cref="ForceOptions"/>).
/// </summary>
public interface IForceSettings
{
    /// <summary>The values in force now (the saved set-up, or the configuration's until one is saved).</summary>
    ForceValues Current { get; }

    /// <summary>
    /// Saves <paramref name="values"/> as the force's settings and puts them in force on this node at once (on the others
    /// at their next request). Throws a <see cref="ValidationException"/> saying what is wrong with each field
    /// (<see cref="ForceValues.Problems"/>), and changes nothing then.
    /// </summary>
    Task SaveAsync(ForceValues values, string changedBy, CancellationToken cancellationToken);
}

internal sealed class ForceSettings(ISettingsStore store, ForceOptions force, ForceSettingsWatch watch, TimeProvider clock) : IForceSettings
{
    public const string Key = "force";

    public ForceValues Current => force.Values;

    public async Task SaveAsync(ForceValues values, string changedBy, CancellationToken cancellationToken)
    {
        var problems = values.Problems().ToList();
        if (problems.Count > 0)
            throw new ValidationException(string.Join(" ", problems.Select(p => p.Message)));
        var saved = values with
        {
            Name = values.Name.Trim(),
            TileUrl = values.TileUrl.Trim(),
            TileAttribution = values.TileAttribution.Trim(),
            Shifts = values.Shifts.Select(s => s with { Name = s.Name.Trim() }).ToList(),
            ActivityKinds = values.ActivityKinds.Select(k => k.Trim()).ToList(),
            SetUpUtc = clock.GetUtcNow().UtcDateTime,
        };
        await store.SetAsync(Key, saved, changedBy, cancellationToken);
        await watch.RefreshAsync(cancellationToken);
    }
}

/// <summary>
/// Keeps <see cref="ForceOptions"/> equal to the saved set-up: reads it again when the revision of the setting moved
/// (the one way a copy in memory notices change, <see cref="RevisionedCache{T}"/>). Called before each web request and
/// each command, and every two seconds by <see cref="ForceSettingsRefresher"/> so that background jobs on an idle node
/// follow too.
/// </summary>
public sealed class ForceSettingsWatch
{
    private readonly ForceOptions _force;
    private readonly ForceValues _configured;
    private readonly RevisionedCache<ForceValues> _saved;

    public ForceSettingsWatch(ForceOptions force, IConfiguration configuration, IRevisionReader revisions, IServiceScopeFactory scopes, TimeProvider clock)
    {
        _force = force;
        _configured = ForceValues.From(configuration);
        _saved = new RevisionedCache<ForceValues>(revisions, [Revision.OfSetting(ForceSettings.Key)], async (_, cancellationToken) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ISettingsStore>();
            return await store.GetAsync(ForceSettings.Key, _configured, cancellationToken);
        }, clock);
    }

    /// <summary>Puts the saved settings in force when they changed since the last call.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var values = await _saved.GetAsync(cancellationToken);
        if (!ReferenceEquals(values, _force.Values)) _force.Replace(values);
    }
}

/// <summary>Refreshes the force's settings every two seconds, for the background jobs of a node that has no requests.</summary>
internal sealed class ForceSettingsRefresher(ForceSettingsWatch watch) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await watch.RefreshAsync(stoppingToken);
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away (a restart, a failover): the next tick tries again.
            }
        }
    }
}

using Hangfire;
using HotSpots.Modules.Hotspots.Backtest;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Data;
using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Modules.Hotspots.Places;
using HotSpots.Modules.Hotspots.Refresh;
using HotSpots.Modules.Hotspots.Review;
using HotSpots.Modules.Hotspots.Snapshot;
using HotSpots.Platform;
using HotSpots.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HotSpots.Modules.Hotspots;

public static class HotspotsModule
{
    public const string Name = "Hotspots";

    public static IServiceCollection AddHotspotsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<HotspotsDbContext, HotspotsSqliteContext, HotspotsPostgresContext>(DatabaseSettings.From(configuration), Name);
        services.AddSingleton(HotspotSettings.From(configuration));
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<IHotspotSnapshot>(sp => sp.GetRequiredService<SnapshotStore>());
        services.AddSingleton<IHostedService, SnapshotLoader>();
        services.AddHostedService<SnapshotPoller>();
        services.AddScoped<SpotBuilder>();
        services.AddScoped<HotspotRefresh>();
        services.AddScoped<HotspotPublisher>();
        services.AddScoped<RefreshHotspotsJob>();
        services.AddScoped<IHotspotModule, HotspotsFacade>();
        services.AddScoped<BacktestRun>();
        services.AddScoped<OptionsStore>();
        services.AddScoped<SetReview>();
        services.AddScoped<ExclusionList>();
        services.AddScoped<PlaceReview>();
        services.AddScoped<IHotspotReview, ReviewFacade>();
        services.AddScoped<IHotspotBacktest, BacktestFacade>();
        services.AddScoped<IBacktestRuns, BacktestRuns>();
        services.AddScoped<BacktestJob>();
        services.AddSingleton<IRecurringJobs, HotspotJobs>();
        return services;
    }
}

internal sealed class HotspotJobs(HotspotSettings settings) : IRecurringJobs
{
    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<RefreshHotspotsJob>(RefreshHotspotsJob.Id, j => j.RunAsync(CancellationToken.None), settings.RefreshCron);
}

/// <summary>Loads the published set into memory when the app starts.</summary>
internal sealed class SnapshotLoader(SnapshotStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.CurrentAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class HotspotsFacade(HotspotRefresh refresh, HotspotPublisher publisher, HotspotsDbContext db, SnapshotStore snapshot)
    : IHotspotModule
{
    public Task<HotspotSetSummary> RefreshAsync(bool publish, string requestedBy, CancellationToken cancellationToken) =>
        refresh.RunAsync(publish, requestedBy, cancellationToken);

    public Task PublishAsync(long setId, string publishedBy, CancellationToken cancellationToken) =>
        publisher.PublishAsync(setId, publishedBy, cancellationToken);

    public async Task<IReadOnlyList<HotspotSetSummary>> ListSetsAsync(int count, CancellationToken cancellationToken)
    {
        var sets = await db.Sets.AsNoTracking().Include(s => s.Spots).OrderByDescending(s => s.Id).Take(count).ToListAsync(cancellationToken);
        return sets.Select(HotspotMapping.Summary).ToList();
    }

    public async Task<HotspotSnapshot> GetSnapshotAsync(long setId, IReadOnlyCollection<long> hotspotIds, CancellationToken cancellationToken)
    {
        var set = await db.Sets.AsNoTracking().Include(s => s.Spots).SingleOrDefaultAsync(s => s.Id == setId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no hot spot set {setId}.");
        var wanted = hotspotIds.ToHashSet();
        return snapshot.Build(set, set.Spots.Where(s => wanted.Contains(s.Id)));
    }

    public async Task<HotspotDetail?> GetHotspotAsync(long hotspotId, CancellationToken cancellationToken)
    {
        var spot = await db.Spots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == hotspotId, cancellationToken);
        return spot is null ? null : new HotspotDetail(HotspotMapping.Published(spot, snapshot.Current.Projection.Unproject), spot.PolygonWkb);
    }
}

internal sealed class BacktestFacade(BacktestRun run) : IHotspotBacktest
{
    public Task<BacktestReport> RunAsync(BacktestRequest request, IProgress<BacktestProgress>? progress, CancellationToken cancellationToken) =>
        run.RunAsync(request, progress, cancellationToken);
}

internal sealed class ReviewFacade(SetReview review, ExclusionList exclusions, OptionsStore options, PlaceReview places) : IHotspotReview
{
    public Task DecidePlaceAsync(long hotspotId, PlaceDecision decision, string? note, string decidedBy, CancellationToken cancellationToken) =>
        places.DecideAsync(hotspotId, decision, note, decidedBy, cancellationToken);

    public Task<IReadOnlyList<ForcePlaceView>> ListPlacesAsync(CancellationToken cancellationToken) => places.ListPlacesAsync(cancellationToken);

    public Task<PlacesUpload> ReplacePlacesAsync(Stream file, string fileName, string uploadedBy, CancellationToken cancellationToken) =>
        places.ReplacePlacesAsync(file, fileName, uploadedBy, cancellationToken);

    public Task<HotspotSetReview?> ReviewAsync(long setId, CancellationToken cancellationToken) => review.ReviewAsync(setId, cancellationToken);

    public Task UpdateBriefingAsync(long hotspotId, string briefing, string editedBy, CancellationToken cancellationToken) =>
        review.UpdateBriefingAsync(hotspotId, briefing, editedBy, cancellationToken);

    public Task<IReadOnlyList<ExclusionView>> ListExclusionsAsync(CancellationToken cancellationToken) => exclusions.ListAsync(cancellationToken);

    public Task<ExclusionView> AddExclusionAsync(NewExclusion exclusion, string createdBy, CancellationToken cancellationToken) =>
        exclusions.AddAsync(exclusion, createdBy, cancellationToken);

    public Task RemoveExclusionAsync(long exclusionId, string removedBy, CancellationToken cancellationToken) =>
        exclusions.RemoveAsync(exclusionId, removedBy, cancellationToken);

    public Task<HotspotOptions> GetOptionsAsync(CancellationToken cancellationToken) => options.GetAsync(cancellationToken);

    public Task SaveOptionsAsync(HotspotOptions value, string changedBy, CancellationToken cancellationToken) =>
        options.SaveAsync(value, changedBy, cancellationToken);
}

using Hangfire;
using HotSpots.Modules.Ingestion.Area;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.Harm;
using HotSpots.Modules.Ingestion.History;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Modules.Ingestion.ImportUnitPositions;
using HotSpots.Modules.Ingestion.Jobs;
using HotSpots.Modules.Ingestion.Profiles;
using HotSpots.Modules.Ingestion.Quarantine;
using HotSpots.Modules.Ingestion.QueryCrimes;
using HotSpots.Platform;
using HotSpots.Platform.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Modules.Ingestion;

public static class IngestionModule
{
    public const string Name = "Ingestion";

    public static IServiceCollection AddIngestionModule(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddModuleDbContext<IngestionDbContext, IngestionSqliteContext, IngestionPostgresContext>(settings, Name);
        services.AddSingleton(HarmTable.Load(configuration));
        services.AddSingleton<ForceBoundary>();
        services.AddSingleton(ImportLimits.From(configuration));
        services.AddSingleton<ImportRoot>();
        services.AddScoped<HarmSettings>();
        services.AddScoped<IngestionSettingsStore>();
        services.AddScoped<UnitPositionWriter>();
        services.AddScoped<ProfileStore>();
        services.AddScoped<CrimeImport>();
        services.AddScoped<ImportHistory>();
        services.AddScoped<QuarantineService>();
        services.AddScoped<CrimeQueries>();
        services.AddScoped<CrimeTableQuery>();
        services.AddSingleton<CrimeTableCache>();
        services.AddScoped<FilePoints>();
        services.AddScoped<ImportJob>();
        services.AddScoped<WatchFolderJob>();
        services.AddScoped<RetentionJob>();
        services.AddScoped<ResumeImportsJob>();
        services.AddSingleton<IRecurringJobs, IngestionJobs>();
        services.AddScoped<IIngestedData, IngestedData>();
        services.AddScoped<IImports, Imports>();
        services.AddScoped<IIngestionAdministration, IngestionAdministration>();
        return services;
    }
}

internal sealed class IngestionJobs : IRecurringJobs
{
    public void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<WatchFolderJob>(WatchFolderJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<RetentionJob>(RetentionJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Daily(2));
        jobs.AddOrUpdate<ResumeImportsJob>(ResumeImportsJob.Id, j => j.RunAsync(CancellationToken.None), ResumeImportsJob.Cron);
    }
}

/// <summary>What other modules read: queries only.</summary>
internal sealed class IngestedData(
    HarmSettings harm, CrimeQueries queries, FilePoints files, CrimeTableCache heldCrimes) : IIngestedData
{
    public async Task<CrimeTable> GetCrimeTableAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var crimes = await heldCrimes.GetAsync(cancellationToken);
        return crimes.Window(fromUtc, toUtc, await harm.WeightsAsync(cancellationToken));
    }

    public IAsyncEnumerable<CrimePoint> ReadPointsAsync(string path, CrimeFileFormat format, CancellationToken cancellationToken) =>
        files.ReadAsync(path, format, cancellationToken);

    public Task<IReadOnlyList<CrimePoint>> GetCrimePointsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        queries.PointsAsync(fromUtc, toUtc, cancellationToken);

    public Task<IReadOnlyList<CategoryMonthCount>> GetMonthlyCountsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        queries.MonthlyAsync(fromUtc, toUtc, cancellationToken);

    public Task<DateTime?> GetLatestOccurrenceAsync(CancellationToken cancellationToken) => queries.LatestAsync(cancellationToken);

    public Task<IReadOnlyList<UnitPosition>> GetUnitPositionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        queries.UnitPositionsAsync(fromUtc, toUtc, cancellationToken);

    public Task<IReadOnlyList<PersonCrimeLink>> GetPersonLinksAsync(DateTime fromUtc, DateTime toUtc, string? personId, CancellationToken cancellationToken) =>
        queries.PersonLinksAsync(fromUtc, toUtc, personId, cancellationToken);

    public Task<long> CountCrimesAsync(CancellationToken cancellationToken) => queries.CountAsync(cancellationToken);
}

/// <summary>Imports and their quarantine, for the web host, the command line and the demo seed.</summary>
internal sealed class Imports(IServiceProvider services, CrimeImport import, ImportHistory history, QuarantineService quarantine) : IImports
{
    public Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        import.RunAsync(request, progress, cancellationToken);

    public async Task<QueuedImport> QueueImportAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        var id = await import.CreateAsync(request, ImportStatus.Queued, cancellationToken);
        // Resolved here, not in the constructor: the command line has no job client and never queues.
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<ImportJob>(j => j.RunAsync(id, CancellationToken.None));
        return new QueuedImport(id);
    }

    public Task<IReadOnlyList<ImportSummary>> ListImportsAsync(int take, CancellationToken cancellationToken) => history.ListAsync(take, cancellationToken);

    public Task<ImportSummary?> GetImportAsync(long importId, CancellationToken cancellationToken) => history.GetAsync(importId, cancellationToken);

    public Task<QuarantinePage> ListQuarantineAsync(QuarantineQuery query, CancellationToken cancellationToken) => quarantine.ListAsync(query, cancellationToken);

    public Task<QuarantinedRowView?> GetQuarantinedRowAsync(long id, CancellationToken cancellationToken) => quarantine.GetAsync(id, cancellationToken);

    public Task<ResubmitResult> ResubmitAsync(long id, string fixedText, string resubmittedBy, CancellationToken cancellationToken) =>
        quarantine.ResubmitAsync(id, fixedText, resubmittedBy, cancellationToken);

    public Task DismissAsync(long id, string dismissedBy, string? why, CancellationToken cancellationToken) =>
        quarantine.DismissAsync(id, dismissedBy, why, cancellationToken);
}

/// <summary>Profiles, harm weights, settings and retention, for the web host's administration pages.</summary>
internal sealed class IngestionAdministration(
    ProfileStore profiles, HarmSettings harm, IngestionSettingsStore settings, RetentionJob retention) : IIngestionAdministration
{
    public Task<IReadOnlyList<MappingProfile>> ListProfilesAsync(CancellationToken cancellationToken) => profiles.ListAsync(cancellationToken);

    public Task<MappingProfile> SaveProfileAsync(MappingProfile profile, string changedBy, CancellationToken cancellationToken) =>
        profiles.SaveAsync(profile, changedBy, cancellationToken);

    public Task<bool> DeleteProfileAsync(string name, string deletedBy, CancellationToken cancellationToken) =>
        profiles.DeleteAsync(name, deletedBy, cancellationToken);

    public Task<HarmTableView> GetHarmTableAsync(CancellationToken cancellationToken) => harm.ViewAsync(cancellationToken);

    public Task SetHarmOverridesAsync(HarmOverrides overrides, string changedBy, CancellationToken cancellationToken) =>
        harm.SetAsync(overrides, changedBy, cancellationToken);

    public Task<IngestionSettings> GetSettingsAsync(CancellationToken cancellationToken) => settings.GetAsync(cancellationToken);

    public Task SetWatchFolderAsync(string? folder, string changedBy, CancellationToken cancellationToken) =>
        settings.SetWatchFolderAsync(folder, changedBy, cancellationToken);

    public Task SetBoundaryAsync(Stream? geoJson, string changedBy, CancellationToken cancellationToken) =>
        settings.SetBoundaryAsync(geoJson, changedBy, cancellationToken);

    public Task<BoundaryOutline?> GetBoundaryOutlineAsync(CancellationToken cancellationToken) => settings.GetBoundaryOutlineAsync(cancellationToken);

    public Task<IngestionRetention> GetRetentionAsync(CancellationToken cancellationToken) => retention.GetAsync(cancellationToken);

    public Task SetRetentionAsync(IngestionRetention value, string changedBy, CancellationToken cancellationToken) =>
        retention.SetAsync(value, changedBy, cancellationToken);

    public Task<RetentionPurge> PurgeExpiredAsync(CancellationToken cancellationToken) => retention.RunAsync(cancellationToken);
}

using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Data;
using HotSpots.Modules.Ingestion.Harm;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Modules.Ingestion.ImportUnitPositions;
using HotSpots.Modules.Ingestion.QueryCrimes;
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
        services.AddScoped<CrimeWriter>();
        services.AddScoped<UnitPositionWriter>();
        services.AddScoped<CrimeImport>();
        services.AddScoped<CrimeQueries>();
        services.AddScoped<CrimeTableQuery>();
        services.AddScoped<FilePoints>();
        services.AddScoped<IIngestionModule, IngestionFacade>();
        return services;
    }
}

internal sealed class IngestionFacade(CrimeImport import, CrimeQueries queries, FilePoints files, CrimeTableQuery table) : IIngestionModule
{
    public Task<CrimeTable> GetCrimeTableAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        table.ReadAsync(fromUtc, toUtc, cancellationToken);

    public IAsyncEnumerable<CrimePoint> ReadPointsAsync(string path, CrimeFileFormat format, CancellationToken cancellationToken) =>
        files.ReadAsync(path, format, cancellationToken);

    public Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        import.RunAsync(request, progress, cancellationToken);

    public Task<IReadOnlyList<CrimePoint>> GetCrimePointsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        queries.PointsAsync(fromUtc, toUtc, cancellationToken);

    public Task<IReadOnlyList<CategoryMonthCount>> GetMonthlyCountsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        queries.MonthlyAsync(fromUtc, toUtc, cancellationToken);

    public Task<DateTime?> GetLatestOccurrenceAsync(CancellationToken cancellationToken) => queries.LatestAsync(cancellationToken);

    public Task<IReadOnlyList<UnitPosition>> GetUnitPositionsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        queries.UnitPositionsAsync(fromUtc, toUtc, cancellationToken);

    public Task<long> CountCrimesAsync(CancellationToken cancellationToken) => queries.CountAsync(cancellationToken);
}

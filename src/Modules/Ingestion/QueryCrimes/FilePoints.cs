using System.Runtime.CompilerServices;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Harm;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Modules.Ingestion.Profiles;
using HotSpots.Platform;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Ingestion.QueryCrimes;

/// <summary>
/// Crime points straight from files, through the same readers as an import, without the database: for backtests
/// over many months. Files are read on a second thread while the caller consumes points, each position projected once.
/// </summary>
internal sealed class FilePoints(ForceOptions force, IMetricProjection projection, HarmSettings harm, ProfileStore profiles, TimeProvider clock, ImportLimits limits)
{
    public async IAsyncEnumerable<CrimePoint> ReadAsync(string path, CrimeFileFormat format, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var weights = await harm.WeightsAsync(cancellationToken);
        var entries = ImportFiles.Resolve(path, []);
        var request = new ImportRequest(path, format);
        var pipeline = new ImportPipeline(request, 0, entries, await profiles.ListAsync(cancellationToken), force, projection,
            new Positions(projection, null), clock.GetUtcNow().UtcDateTime, limits) { SkipFeeds = true };
        long id = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await foreach (var batch in pipeline.Start(stop.Token).ReadAllAsync(cancellationToken))
                foreach (var record in batch.Records)
                    if (record is { Latitude: { } lat, Longitude: { } lon, X: { } x, Y: { } y })
                        yield return new CrimePoint(++id, x, y, lat, lon, record.OccurredFromUtc, record.HasTimeOfDay,
                            record.Category, weights.DaysFor(record.Category, record.OffenceCode), record.Location);
        }
        finally
        {
            await stop.CancelAsync();
        }
        if (pipeline.Problems.FirstOrDefault(p => p.Field == "(file)") is { } failed) throw new ImportFileException(failed.Reason);
    }
}

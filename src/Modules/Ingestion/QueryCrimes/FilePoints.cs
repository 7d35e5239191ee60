using System.Runtime.CompilerServices;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Harm;
using HotSpots.Modules.Ingestion.ImportCrimes;
using HotSpots.Platform;
using HotSpots.Platform.Geography;

namespace HotSpots.Modules.Ingestion.QueryCrimes;

/// <summary>Crime points straight from files, through the same readers as an import, without the database.</summary>
internal sealed class FilePoints(ForceOptions force, IMetricProjection projection, HarmTable harm)
{
    public async IAsyncEnumerable<CrimePoint> ReadAsync(string path, CrimeFileFormat format, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long id = 0;
        foreach (var file in ImportFiles.Resolve(path))
        {
            var fileFormat = format == CrimeFileFormat.Auto ? ImportFiles.Detect(file) : format;
            if (fileFormat == CrimeFileFormat.PoliceLocationFeed) continue;
            await using var stream = ImportFiles.Open(file);
            IEnumerable<RowResult> rows = fileFormat == CrimeFileFormat.PoliceUkStreet
                ? new PoliceUkStreetReader(force).Read(stream, Path.GetFileName(file))
                : new ForceRecordsCsvReader(force, projection).Read(stream, Path.GetFileName(file));
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (row.Record is not { Latitude: { } lat, Longitude: { } lon } record) continue;
                var point = projection.Project(lat, lon);
                yield return new CrimePoint(++id, point.X, point.Y, lat, lon, record.OccurredFromUtc, record.HasTimeOfDay,
                    record.Category, harm.DaysFor(record.Category), record.Location);
            }
        }
    }
}

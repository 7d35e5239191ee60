using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform.Audit;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace HotSpots.Modules.Dashboard.People;

/// <summary>
/// People linked to crimes in the published spots, by pseudonym only. The list shows no history; opening a person
/// needs a justification and is written to the audit log before the history is read.
/// </summary>
internal sealed class PeopleQuery(IIngestedData ingestion, IHotspotModule hotspotModule, IHotspotSnapshot hotspots, IAuditLog audit, TimeProvider clock)
{
    public async Task<PeopleInSpots> InSpotsAsync(int months, CancellationToken cancellationToken)
    {
        var to = clock.GetUtcNow().UtcDateTime;
        var latest = await ingestion.GetLatestOccurrenceAsync(cancellationToken);
        if (latest is { } l && l < to) to = l.AddTicks(1);
        var from = to.AddMonths(-Math.Clamp(months, 1, 60));
        var links = await ingestion.GetPersonLinksAsync(from, to, null, cancellationToken);
        var polygons = await PolygonsAsync(cancellationToken);
        var result = new List<SpotPeople>();
        foreach (var spot in hotspots.Current.Spots)
        {
            var polygon = polygons[spot.Id];
            var people = links.Where(k => Inside(polygon, k))
                .GroupBy(k => k.PersonId)
                .Select(g => new PersonInSpot(g.Key, g.Select(k => k.CrimeId).Distinct().Count(), g.Select(k => k.Role).Distinct().Order().ToList(),
                    g.Where(k => k.Role is "suspect" or "offender").Sum(k => k.Harm), g.Max(k => k.OccurredUtc)))
                .OrderByDescending(p => p.CrimesInSpot).ThenByDescending(p => p.Harm).ThenBy(p => p.PersonId, StringComparer.Ordinal)
                .ToList();
            result.Add(new SpotPeople(spot.Id, spot.Rank, spot.Name, people));
        }
        return new PeopleInSpots(from, to, result);
    }

    public async Task<PersonHistory> OpenAsync(string personId, string viewer, string? justification, CancellationToken cancellationToken)
    {
        var why = justification?.Trim() ?? "";
        if (why.Length < JustificationRequiredException.MinJustificationLength)
            throw new JustificationRequiredException(
                $"Say why you need to see {personId}'s history (at least {JustificationRequiredException.MinJustificationLength} characters): the reason is kept in the audit log.");
        await audit.RecordAsync(new AuditEntry(viewer, "person.view", $"person {personId}", why), cancellationToken);
        var links = await ingestion.GetPersonLinksAsync(DateTime.MinValue, DateTime.MaxValue, personId, cancellationToken);
        var polygons = await PolygonsAsync(cancellationToken);
        var spots = hotspots.Current.Spots;
        return new PersonHistory(personId, links
            .OrderByDescending(k => k.OccurredUtc)
            .Select(k => new PersonCrime(k.OccurredUtc, k.HasTimeOfDay, k.Role, k.Category, k.Harm, k.Reference, k.Location,
                spots.FirstOrDefault(s => Inside(polygons[s.Id], k))?.Name))
            .ToList());
    }

    private async Task<Dictionary<long, Geometry>> PolygonsAsync(CancellationToken cancellationToken)
    {
        var reader = new WKBReader();
        var result = new Dictionary<long, Geometry>();
        foreach (var spot in hotspots.Current.Spots)
            result[spot.Id] = await hotspotModule.GetHotspotAsync(spot.Id, cancellationToken) is { } detail ? reader.Read(detail.ProjectedPolygonWkb) : Polygon.Empty;
        return result;
    }

    private static bool Inside(Geometry polygon, PersonCrimeLink link) =>
        link is { X: { } x, Y: { } y } && polygon.EnvelopeInternal.Contains(x, y) && polygon.Contains(new Point(x, y));
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HotSpots.Modules.Dashboard.Contracts;
using HotSpots.Modules.Dashboard.Trials;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Patrols.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Audit;

namespace HotSpots.Modules.Dashboard.Exports;

/// <summary>
/// Hot spots, visits and activities as CSV or GeoJSON. Officers appear by neither name nor id (the team is enough to act on);
/// activity notes are left out (they may name people). Every export is written to the audit log.
/// </summary>
internal sealed class Exporter(IHotspotSnapshot hotspots, IPatrolPresence patrols, IAuditLog audit, ForceOptions force, TimeProvider clock)
{
    public async Task<string> ExportAsync(ExportRequest request, Blinding blinding, string exportedBy, CancellationToken cancellationToken)
    {
        var today = force.PoliceDay(clock.GetUtcNow().UtcDateTime);
        var to = request.To ?? today;
        var from = request.From ?? to.AddDays(-27);
        var (fromUtc, toUtc) = (force.PoliceDayStartUtc(from), force.PoliceDayStartUtc(to.AddDays(1)));
        var spots = hotspots.Current.Spots.ToDictionary(s => s.Id);
        var text = request.Kind switch
        {
            // Only spots the viewer may see named: the set, and the visits and activities in them (a patrol's track may cross a control spot).
            ExportKind.Hotspots => request.Format == ExportFormat.Csv
                ? HotspotsCsv(spots.Values.Where(s => blinding.Names(s.Id)))
                : HotspotsGeoJson(spots.Values.Where(s => blinding.Names(s.Id))),
            ExportKind.Visits => Visits((await patrols.ListVisitsAsync(fromUtc, toUtc, PresenceSource.Patrols, cancellationToken))
                .Where(v => blinding.Names(v.HotspotId)).ToList(), spots, request.Format),
            _ => Activities((await patrols.ListActivitiesAsync(fromUtc, toUtc, cancellationToken)).Where(a => blinding.Names(a.HotspotId)).ToList(), spots, request.Format),
        };
        await audit.RecordAsync(new AuditEntry(exportedBy, "dashboard.export", $"{request.Kind} ({request.Format})".ToLowerInvariant(),
            Details: request.Kind == ExportKind.Hotspots ? $"set {hotspots.Current.Set?.Id}" : $"police days {from:yyyy-MM-dd} to {to:yyyy-MM-dd}"), cancellationToken);
        return text;
    }

    private static string HotspotsCsv(IEnumerable<PublishedHotspot> spots)
    {
        var csv = new StringBuilder("rank,name,set,latitude,longitude,area_m2,crimes,harm_days,why\n");
        foreach (var s in spots)
            csv.Append(string.Join(',', s.Rank, CsvCell.Text(s.Name), s.SetId, CsvCell.Number(s.Centre.Latitude, "0.000000"), CsvCell.Number(s.Centre.Longitude, "0.000000"),
                CsvCell.Number(s.AreaSquareMetres, "0"), s.CrimeCount, CsvCell.Number(s.Harm, "0.#"), CsvCell.Text(s.Why.Summary))).Append('\n');
        return csv.ToString();
    }

    private static string HotspotsGeoJson(IEnumerable<PublishedHotspot> spots) => Collection(spots.Select(s => Feature(
        new JsonObject
        {
            ["type"] = "Polygon",
            ["coordinates"] = new JsonArray(new JsonArray([.. Ring(s.Outline)])),
        },
        new JsonObject
        {
            ["rank"] = s.Rank, ["name"] = s.Name, ["set"] = s.SetId, ["area_m2"] = Math.Round(s.AreaSquareMetres), ["crimes"] = s.CrimeCount,
            ["harm_days"] = Math.Round(s.Harm, 1), ["why"] = s.Why.Summary,
        })));

    private static IEnumerable<JsonNode> Ring(IReadOnlyList<Platform.Geography.GeoPoint> outline)
    {
        var points = outline.Select(p => (JsonNode)new JsonArray(Math.Round(p.Longitude, 6), Math.Round(p.Latitude, 6))).ToList();
        if (outline.Count > 0 && outline[0] != outline[^1]) points.Add(new JsonArray(Math.Round(outline[0].Longitude, 6), Math.Round(outline[0].Latitude, 6)));
        return points;
    }

    private static string Visits(IReadOnlyList<VisitView> visits, Dictionary<long, PublishedHotspot> spots, ExportFormat format)
    {
        if (format == ExportFormat.Csv)
        {
            var csv = new StringBuilder("visit,spot,spot_name,entered_utc,exited_utc,minutes,mode,koper,open\n");
            foreach (var v in visits)
                csv.Append(string.Join(',', v.Id, v.HotspotId, CsvCell.Text(spots.GetValueOrDefault(v.HotspotId)?.Name), CsvCell.Time(v.EnteredUtc), CsvCell.Time(v.ExitedUtc),
                    CsvCell.Number(v.Minutes, "0.0"), v.Mode.ToString().ToLowerInvariant(), v.Koper ? "yes" : "no", v.Open ? "yes" : "no")).Append('\n');
            return csv.ToString();
        }
        return Collection(visits.Select(v => Feature(Point(spots.GetValueOrDefault(v.HotspotId)), new JsonObject
        {
            ["visit"] = v.Id, ["spot"] = v.HotspotId, ["spot_name"] = spots.GetValueOrDefault(v.HotspotId)?.Name, ["entered_utc"] = CsvCell.Time(v.EnteredUtc),
            ["exited_utc"] = CsvCell.Time(v.ExitedUtc), ["minutes"] = Math.Round(v.Minutes, 1), ["mode"] = v.Mode.ToString().ToLowerInvariant(), ["koper"] = v.Koper,
        })));
    }

    private static string Activities(IReadOnlyList<ActivityView> activities, Dictionary<long, PublishedHotspot> spots, ExportFormat format)
    {
        if (format == ExportFormat.Csv)
        {
            var csv = new StringBuilder("time_utc,spot,spot_name,kind\n");
            foreach (var a in activities)
                csv.Append(string.Join(',', CsvCell.Time(a.TimeUtc), a.HotspotId, CsvCell.Text(spots.GetValueOrDefault(a.HotspotId)?.Name), CsvCell.Text(a.Kind))).Append('\n');
            return csv.ToString();
        }
        return Collection(activities.Select(a => Feature(Point(spots.GetValueOrDefault(a.HotspotId)), new JsonObject
        {
            ["time_utc"] = CsvCell.Time(a.TimeUtc), ["spot"] = a.HotspotId, ["spot_name"] = spots.GetValueOrDefault(a.HotspotId)?.Name, ["kind"] = a.Kind,
        })));
    }

    /// <summary>Visits and activities are placed at their spot's centre: the export says where, not the officer's track.</summary>
    private static JsonObject? Point(PublishedHotspot? spot) => spot is null ? null : new JsonObject
    {
        ["type"] = "Point",
        ["coordinates"] = new JsonArray(Math.Round(spot.Centre.Longitude, 6), Math.Round(spot.Centre.Latitude, 6)),
    };

    private static JsonObject Feature(JsonObject? geometry, JsonObject properties) =>
        new() { ["type"] = "Feature", ["geometry"] = geometry, ["properties"] = properties };

    private static string Collection(IEnumerable<JsonObject> features) =>
        new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray([.. features]) }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}

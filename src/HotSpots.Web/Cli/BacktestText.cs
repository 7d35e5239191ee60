using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HotSpots.Modules.Hotspots.Contracts;

namespace HotSpots.Web.Cli;

/// <summary>A backtest report as a table for people and as one JSON object for scripts.</summary>
internal static class BacktestText
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Method and feature names carry dashes and plus signs: keep them readable in the JSON line.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write(TextWriter output, BacktestReport report)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"Backtest: {report.Windows} test months ({report.FirstTestMonth} to {report.LastTestMonth}), each trained on the {report.TrainMonths} months before it; " +
            $"target {report.Target.ToString().ToLowerInvariant()}; {report.CellSizeMetres:0} m cells; study area {report.StudyCells:N0} cells; " +
            $"{report.PointsRead:N0} mappable crimes read, {report.PointsOutsideBox:N0} outside the 0.1–99.9 % box left out; {report.Seconds:0.0} s ({report.ReadSeconds:0.0} s reading). " +
            $"The blend was fitted walk-forward and beat plain counts on its own earlier months for {report.BlendFittedMonths} of the {report.Windows} test months."));
        output.WriteLine(Gaps(report));
        output.WriteLine(string.Create(c, $"{"method",-36} {"coverage",8} {"hit rate",9} {"PAI",7} {"PAI p10–p90",14} {"PEI",6}  spots (mean area)"));
        foreach (var r in report.Results)
        {
            var spots = r.Spots is { } s ? string.Create(c, $"{s:0.0} ({r.MeanSpotAreaSquareMetres / 1e6:0.000} km²)") : "";
            output.WriteLine(string.Create(c,
                $"{r.Method + (r.Baseline ? " (baseline)" : ""),-36} {r.Coverage,7:0.###}% {r.HitRate,9:0.0000} {r.Pai,7:0.00} {r.Pai10,6:0.00}–{r.Pai90,-7:0.00} {r.Pei,6:0.000}  {spots}"));
        }
        foreach (var b in report.BestPossible)
            output.WriteLine(string.Create(c, $"{"best possible (knowing the month)",-36} {b.Coverage,7:0.###}% {b.HitRate,9:0.0000} {b.Pai,7:0.00}"));
    }

    /// <summary>What the missing months did to the windows, in a sentence.</summary>
    public static string Gaps(BacktestReport report)
    {
        var missing = report.MissingMonths ?? [];
        if (missing.Count == 0) return "Missing months: none; every test month had all its training months.";
        return string.Create(CultureInfo.InvariantCulture,
            $"Missing months: {string.Join(", ", missing)} (no crimes: missing data, not counted as zero crime). " +
            $"{report.WindowsWithGap} of the {report.Windows} test months had a training month missing and were scored on the months held, " +
            $"scaled to {report.TrainMonths}; {report.WindowsNotScored} month(s) with crimes were not scored (fewer than 3 in 4 training months held).");
    }

    public static string Json(BacktestReport report) => JsonSerializer.Serialize(new
    {
        windows = report.Windows,
        windowsWithGap = report.WindowsWithGap,
        windowsNotScored = report.WindowsNotScored,
        missingMonths = report.MissingMonths ?? [],
        seconds = report.Seconds,
        readSeconds = report.ReadSeconds,
        walkForward = report.WalkForward,
        target = report.Target,
        trainMonths = report.TrainMonths,
        cellSizeMetres = report.CellSizeMetres,
        studyCells = report.StudyCells,
        firstTestMonth = report.FirstTestMonth,
        lastTestMonth = report.LastTestMonth,
        pointsRead = report.PointsRead,
        pointsOutsideBox = report.PointsOutsideBox,
        testCrimes = report.TestCrimes,
        results = report.Results.Select(r => new
        {
            method = r.Method,
            baseline = r.Baseline,
            coverage = r.Coverage,
            hitRate = Math.Round(r.HitRate, 4),
            pai = Math.Round(r.Pai, 3),
            pai10 = Math.Round(r.Pai10, 3),
            pai90 = Math.Round(r.Pai90, 3),
            pei = Math.Round(r.Pei, 4),
            spots = r.Spots is { } s ? Math.Round(s, 1) : (double?)null,
            meanSpotAreaSquareMetres = r.MeanSpotAreaSquareMetres is { } a ? Math.Round(a) : (double?)null,
        }),
        bestPossible = report.BestPossible.Select(b => new { coverage = b.Coverage, hitRate = Math.Round(b.HitRate, 4), pai = Math.Round(b.Pai, 3) }),
        blendFittedMonths = report.BlendFittedMonths,
        weights = report.Weights,
    }, Options);
}

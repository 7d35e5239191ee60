using System.Text.Json;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Workforce.Contracts;
using HotSpots.Platform;
using HotSpots.Platform.Data;
using HotSpots.Web.Accounts;
using HotSpots.Web.Demo;
using HotSpots.Web.Hosting;
using HotSpots.Web.Imports;
using OpenIddict.Abstractions;

namespace HotSpots.Web.Cli;

/// <summary>The command line's verbs for evaluation: backtest (how well the hot spots predict) and evaluate-sim (do the trial statistics hold).</summary>
internal static partial class CommandLine
{
    private static async Task<int> BacktestAsync(IServiceProvider services, List<string> args)
    {
        var json = Flag(args, "--json");
        var ablation = Flag(args, "--ablation");
        var chart = Option(args, "--chart");
        var data = Option(args, "--data") ?? throw new UsageException("give the crime files with --data PATH");
        var months = Option(args, "--train-months") is { } m ? ParseInt(m, "--train-months") : 12;
        var cell = Option(args, "--cell-size") is { } c ? ParseDouble(c, "--cell-size") : 150;
        var coverages = Option(args, "--coverage")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(v => ParseDouble(v, "--coverage")).ToList();
        var target = Option(args, "--target") switch
        {
            null or "violence" => BacktestTarget.Violence,
            "all" => BacktestTarget.All,
            "harm" => BacktestTarget.Harm,
            var other => throw new UsageException($"unknown target '{other}': use violence, all or harm"),
        };
        var format = Option(args, "--format") switch
        {
            null or "auto" => CrimeFileFormat.Auto,
            "police-uk" => CrimeFileFormat.PoliceUkStreet,
            "force-csv" => CrimeFileFormat.ForceRecordsCsv,
            var other => throw new UsageException($"unknown format '{other}'"),
        };
        if (args.Count > 0) throw new UsageException($"unexpected '{args[0]}'");
        var request = new BacktestRequest(CallerPath(data), format, months, coverages, target, cell, ablation);
        var progress = new Progress<BacktestProgress>(p => Console.Error.Write(p.Total > 0 ? $"\r{p.Stage}: {p.Done}/{p.Total}   " : $"\r{p.Stage}: {p.Done:N0}   "));
        var report = await services.GetRequiredService<IHotspotBacktest>().RunAsync(request, progress, CancellationToken.None);
        Console.Error.WriteLine();
        BacktestText.Write(Console.Out, report);
        if (chart is not null)
        {
            await File.WriteAllTextAsync(CallerPath(chart), services.GetRequiredService<IBacktestRuns>().PaiChartSvg(report));
            Console.WriteLine($"Chart written to {CallerPath(chart)}.");
        }
        if (json) Console.WriteLine(BacktestText.Json(report));
        return 0;
    }

    private static async Task<int> EvaluateSimAsync(IServiceProvider services, List<string> args)
    {
        var json = Flag(args, "--json");
        var designName = Option(args, "--design") ?? "place-days";
        var design = designName switch
        {
            "place-days" => Modules.Tasking.Contracts.TrialDesign.DailyPlaceDays,
            "fixed-arms" => Modules.Tasking.Contracts.TrialDesign.FixedArms,
            "pairs" => Modules.Tasking.Contracts.TrialDesign.RankedBlocks,
            var other => throw new UsageException($"unknown design '{other}': use place-days, fixed-arms or pairs"),
        };
        var trials = Option(args, "--trials") is { } t ? ParseInt(t, "--trials") : 1000;
        var effect = Option(args, "--effect") is { } e ? ParseDouble(e, "--effect") : 0.85;
        var k = Option(args, "--overdispersion") is { } o ? ParseDouble(o, "--overdispersion") : 0.5;
        var seed = Option(args, "--seed") is { } s ? long.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
            : throw new UsageException($"--seed must be a whole number, not '{s}'") : 1;
        var days = Option(args, "--days") is { } d ? ParseInt(d, "--days") : 365;
        var draws = Option(args, "--draws") is { } r ? ParseInt(r, "--draws") : 300;
        if (args.Count > 0) throw new UsageException($"unexpected '{args[0]}'");
        if (trials is < 1 or > 100_000) throw new UsageException("--trials must be between 1 and 100000");
        if (effect is <= 0 or > 10) throw new UsageException("--effect must be a rate ratio above 0 and at most 10");
        if (k is < 0 or > 10) throw new UsageException("--overdispersion must be between 0 and 10");
        if (days is < 1 or > 730) throw new UsageException("--days must be between 1 and 730, as a trial's");
        if (draws is < 19 or > 100_000) throw new UsageException("--draws must be between 19 and 100000");
        var request = new Modules.Dashboard.Contracts.TrialSimulationRequest(design, effect, k, seed, trials, days, draws);
        var report = await services.GetRequiredService<Modules.Dashboard.Contracts.IDashboardModule>().SimulateTrialsAsync(request, CancellationToken.None);
        var i = System.Globalization.CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(i, $"{trials} simulated {design} trials of {days} days on {report.Spots} published spots ({report.MeanCrimesPerSpotDay:0.###} crimes per spot-day), K = {k}, seed {seed}, {draws} redraws each."));
        Console.WriteLine(string.Create(i, $"At effect {effect}: 95 % interval coverage {report.Coverage:0.000} (plain Poisson {report.PlainPoissonCoverage:0.000}), power {report.Power:0.000}, mean ratio {report.MeanRatio:0.000}."));
        Console.WriteLine(string.Create(i, $"At effect 1: type I error {report.TypeIError:0.000}, coverage {report.NullCoverage:0.000} (plain Poisson {report.PlainPoissonNullCoverage:0.000}). Monte Carlo error of a share near 0.95: ±{report.MonteCarloError(0.95):0.000}; near 0.05: ±{report.MonteCarloError(0.05):0.000}."));
        if (report.Undefined > 0) Console.WriteLine($"{report.Undefined} trials had an arm with no crime: their ratio is not finite and counts as not covered.");
        if (json)
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                design = designName,
                trials, effect, overdispersion = k, seed, days, draws, spots = report.Spots, crimesPerSpotDay = report.MeanCrimesPerSpotDay,
                coverage = report.Coverage, plainPoissonCoverage = report.PlainPoissonCoverage, typeIError = report.TypeIError, power = report.Power,
                nullCoverage = report.NullCoverage, plainPoissonNullCoverage = report.PlainPoissonNullCoverage, meanRatio = report.MeanRatio,
                undefined = report.Undefined, monteCarloErrorCoverage = report.MonteCarloError(report.Coverage), monteCarloErrorTypeIError = report.MonteCarloError(report.TypeIError),
            }));
        return 0;
    }

    private static int ParseInt(string value, string option) =>
        int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"{option} must be a whole number, not '{value}'");

    private static double ParseDouble(string value, string option) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
            ? n : throw new UsageException($"{option} must be a number, not '{value}'");
}

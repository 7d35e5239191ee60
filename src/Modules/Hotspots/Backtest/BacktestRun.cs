using System.Diagnostics;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Hotspots.Engine;
using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Platform;

namespace HotSpots.Modules.Hotspots.Backtest;

/// <summary>
/// Rolling-window backtest (docs/evaluation.md states the protocol exactly): for every month t with k months of
/// data before it, each method scores the study cells from months t−k … t−1 (the blend may also use older months),
/// and each coverage selects the best-scoring share of the study area; the hit rate is the share of month t's
/// target crimes inside the selected cells.
/// </summary>
internal sealed class BacktestRun(IIngestedData ingestion, ForceOptions force, HotspotSettings settings)
{
    public const string Counts = "counts";
    public const string Kde = "kde-200m";
    public const string Ours = "hotspots";
    public const double KdeBandwidth = 200;

    public async Task<BacktestReport> RunAsync(BacktestRequest request, IProgress<BacktestProgress>? progress, CancellationToken cancellationToken)
    {
        Validate(request);
        var clock = Stopwatch.StartNew();
        var points = request.DataPath is { } path
            ? ingestion.ReadPointsAsync(path, request.Format, cancellationToken)
            : HeldCrimesAsync(cancellationToken);
        var data = await BacktestData.ReadAsync(points, force, request.CellSizeMetres, progress, cancellationToken);
        var history = data.History;
        var readSeconds = clock.Elapsed.TotalSeconds;
        var k = request.TrainMonths;

        var targetWeights = TargetWeights(data, request.Target);
        var target = Enumerable.Range(0, history.Months).Select(m => history.Weighted(targetWeights, m, m + 1)).ToArray();
        var study = StudyCells(history, k);
        // A missing month stays missing (MonthsHeld): a test month is scored when it holds crimes and at least 9 of its
        // 12 training months do; the scores of a window with a gap are scaled by the months it holds.
        var tests = Enumerable.Range(k, Math.Max(0, history.Months - k))
            .Where(t => history.Available[t] && MonthsHeld.Enough(history.Available, t - k, t)).ToArray();
        var missing = MonthsHeld.Missing(history.Available, 0, history.Months);
        if (study.Length == 0 || tests.Length == 0)
            throw new InvalidOperationException(
                $"The data holds {history.Months} months ({data.MonthName(0)} to {data.MonthName(history.Months - 1)}" +
                (missing.Length > 0 ? $", {missing.Length} of them without crimes" : "") + $"): a backtest with {k} training months needs a month with " +
                $"crimes after at least {k} months, {MonthsHeld.MinHeld(k)} of them with crimes.");
        var withGap = tests.Count(t => MonthsHeld.Count(history.Available, t - k, t).Held < k);
        var sizes = request.Coverages.Select(c => (int)Math.Floor(study.Length * c / 100)).ToArray();
        if (sizes.Any(n => n < 1))
            throw new InvalidOperationException(
                $"Coverage {request.Coverages[Array.FindIndex(sizes, n => n < 1)]} % of the {study.Length:N0}-cell study area selects no cell; use a larger coverage.");

        var methods = Methods(request, data, history, targetWeights, target, study, k);
        var unscored = Enumerable.Range(k, Math.Max(0, history.Months - k)).Count(t => history.Available[t]) - tests.Length;
        var tally = methods.ToDictionary(m => m.Name, _ => new Tally(sizes.Length, tests.Length));
        var best = new Tally(sizes.Length, tests.Length);
        double testCrimes = 0;
        for (var w = 0; w < tests.Length; w++)
        {
            var t = tests[w];
            var test = Gather(target[t], study);
            var total = target[t].Sum();
            testCrimes += total;
            var bestRanked = new RankedCells(test);
            var bestHits = sizes.Select(n => bestRanked.Hits(test, n)).ToArray();
            for (var c = 0; c < sizes.Length; c++) best.Add(c, w, bestHits[c] / total, (double)sizes[c] / study.Length, 1);
            foreach (var method in methods)
            {
                var ranked = new RankedCells(method.Score(t));
                for (var c = 0; c < sizes.Length; c++)
                {
                    var hitRate = ranked.Hits(test, sizes[c]) / total;
                    tally[method.Name].Add(c, w, hitRate, (double)sizes[c] / study.Length, bestHits[c] > 0 ? hitRate / (bestHits[c] / total) : double.NaN);
                    if (method.Name == Ours) tally[method.Name].Spots[c] += CountSpots(history, study, ranked.Top(sizes[c]));
                }
            }
            progress?.Report(new BacktestProgress("Scoring test months", w + 1, tests.Length));
        }

        var results = new List<BacktestResult>();
        foreach (var method in methods)
            for (var c = 0; c < sizes.Length; c++)
            {
                var m = tally[method.Name];
                var spots = method.Name == Ours ? m.Spots[c] / tests.Length : (double?)null;
                results.Add(new BacktestResult(method.Name, method.Baseline, request.Coverages[c], m.HitRate(c), m.Pai(c),
                    m.PaiPercentile(c, 0.1), m.PaiPercentile(c, 0.9), m.Pei(c),
                    spots, spots is { } s ? sizes[c] * history.Frame.CellArea / s : null));
            }
        var bestPossible = request.Coverages.Select((coverage, c) => new BacktestBest(coverage, best.HitRate(c), best.Pai(c))).ToList();
        var ours = (BlendMethod)methods.Single(m => m.Name == Ours);
        return new BacktestReport(tests.Length, Math.Round(clock.Elapsed.TotalSeconds, 2), Math.Round(readSeconds, 2), WalkForward: true, request.Target, k,
            request.CellSizeMetres, study.Length, data.PointsRead, data.PointsOutsideBox, testCrimes,
            data.MonthName(tests[0]), data.MonthName(tests[^1]), results, bestPossible, ours.LastWeights(), ours.Fitted,
            withGap, missing.Select(data.MonthName).ToList(), unscored);
    }

    public static void Validate(BacktestRequest request)
    {
        if (request.TrainMonths is < 1 or > 120)
            throw new ValidationException($"Training months is {request.TrainMonths}; it must be between 1 and 120.");
        if (request.Coverages.Count == 0 || request.Coverages.Any(c => c is <= 0 or > 100 || double.IsNaN(c)))
            throw new ValidationException("Each coverage must be a percentage above 0 and at most 100.");
        if (request.CellSizeMetres is < 10 or > 5000)
            throw new ValidationException($"The cell size is {request.CellSizeMetres} m; it must be between 10 and 5000.");
    }

    private async IAsyncEnumerable<CrimePoint> HeldCrimesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var crimes = await ingestion.GetCrimeTableAsync(new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc), cancellationToken);
        for (var i = 0; i < crimes.Count; i++)
            yield return new CrimePoint(i + 1, crimes.X[i], crimes.Y[i], 0, 0, new DateTime(crimes.OccurredUtcTicks[i], DateTimeKind.Utc),
                crimes.HasTimeOfDay[i], crimes.Categories[crimes.Category[i]], crimes.CategoryHarm[crimes.Category[i]], null);
    }

    private static double[] TargetWeights(BacktestData data, BacktestTarget target)
    {
        var categories = data.History.Categories;
        var weights = categories.Select((name, c) => target switch
        {
            BacktestTarget.Violence => string.Equals(name, CrimeCategories.ViolenceAndSexualOffences, StringComparison.OrdinalIgnoreCase) ? 1.0 : 0,
            BacktestTarget.All => 1.0,
            _ => data.Harm[c],
        }).ToArray();
        if (weights.All(w => w == 0))
            throw new InvalidOperationException(target == BacktestTarget.Violence
                ? $"The data holds no '{CrimeCategories.ViolenceAndSexualOffences}' crimes to backtest on."
                : "The data's crimes carry no harm weight to backtest on.");
        return weights;
    }

    /// <summary>Active cells with any crime of any type in the first training window.</summary>
    private static int[] StudyCells(CellHistory history, int k)
    {
        var crimes = history.All(0, Math.Min(k, history.Months));
        return Enumerable.Range(0, crimes.Length).Where(i => crimes[i] > 0).ToArray();
    }

    private static float[] Gather(float[] values, int[] cells)
    {
        var gathered = new float[cells.Length];
        for (var i = 0; i < cells.Length; i++) gathered[i] = values[cells[i]];
        return gathered;
    }

    private double CountSpots(CellHistory history, int[] study, ReadOnlySpan<int> selected)
    {
        var cells = new int[selected.Length];
        var scores = new float[selected.Length];
        for (var i = 0; i < selected.Length; i++)
        {
            cells[i] = history.Cells[study[selected[i]]];
            scores[i] = selected.Length - i; // keeps the ranking, all positive
        }
        return SpotFinder.Find(history.Frame, cells, scores, int.MaxValue, settings.MaxCellsPerSpot).Count;
    }

    private static List<Method> Methods(BacktestRequest request, BacktestData data, CellHistory history, double[] targetWeights,
        float[][] target, int[] study, int k)
    {
        var monthlyTarget = target.Select(m => Gather(m, study)).ToArray();
        var top = Math.Max(1, study.Length / 100);
        var monthlyKde = new Lazy<float[][]>(() => MonthlyKde(data, history, targetWeights, study));
        var methods = new List<Method>
        {
            new WindowSum(Counts, monthlyTarget, k, history.Available),
            new WindowSum(Kde, null, k, history.Available) { Lazy = monthlyKde },
        };
        if (request.Ablation)
        {
            methods.Add(new BlendMethod("blend: last 12 months, learnt decay", new Blend(history, targetWeights, study, new BlendParts(false, false, false)), top));
            methods.Add(new BlendMethod("blend: + months 13–36", new Blend(history, targetWeights, study, new BlendParts(true, false, false)), top));
            methods.Add(new BlendMethod("blend: + neighbouring cells", new Blend(history, targetWeights, study, new BlendParts(true, true, false)), top));
            methods.Add(new BlendMethod("blend: + other categories, no neighbours", new Blend(history, targetWeights, study, new BlendParts(true, false, true)), top));
        }
        methods.Add(new BlendMethod(Ours, new Blend(history, targetWeights, study, BlendParts.All), top));
        return methods;
    }

    private static float[][] MonthlyKde(BacktestData data, CellHistory history, double[] targetWeights, int[] study)
    {
        var monthly = new float[history.Months][];
        var byMonth = Enumerable.Range(0, data.Month.Length).GroupBy(i => data.Month[i]).ToDictionary(g => g.Key, g => g.ToArray());
        for (var m = 0; m < history.Months; m++)
        {
            var indices = byMonth.GetValueOrDefault(m, []);
            var x = indices.Select(i => data.X[i]).ToArray();
            var y = indices.Select(i => data.Y[i]).ToArray();
            var w = indices.Select(i => (float)targetWeights[data.Category[i]]).ToArray();
            var raster = QuarticKde.AtCellCentres(history.Frame, x, y, w, KdeBandwidth);
            monthly[m] = study.Select(a => raster[history.Cells[a]]).ToArray();
        }
        return monthly;
    }

    private abstract class Method(string name, bool baseline)
    {
        public string Name { get; } = name;
        public bool Baseline { get; } = baseline;
        public abstract float[] Score(int month);
    }

    /// <summary>
    /// A baseline: the sum of a monthly score over the k training months, scaled by k / months held when a month is
    /// missing (a missing month holds no crimes, so it adds nothing to the sum).
    /// </summary>
    private sealed class WindowSum(string name, float[][]? monthly, int k, bool[] available) : Method(name, baseline: true)
    {
        public Lazy<float[][]>? Lazy { get; init; }

        public override float[] Score(int month)
        {
            var series = monthly ?? Lazy!.Value;
            var sum = new float[series[0].Length];
            for (var m = month - k; m < month; m++)
            {
                if (!available[m]) continue;
                for (var i = 0; i < sum.Length; i++) sum[i] += series[m][i];
            }
            var scale = MonthsHeld.Scale(available, month - k, month);
            if (scale != 1)
                for (var i = 0; i < sum.Length; i++) sum[i] *= scale;
            return sum;
        }
    }

    /// <summary>
    /// The blend, walk-forward as a refresh runs it: fitted on the latest windows before the month it scores, and used
    /// if it beat plain counts on those windows (checked at 1 % of the study area), otherwise plain counts.
    /// </summary>
    private sealed class BlendMethod(string name, Blend blend, int top) : Method(name, baseline: false)
    {
        private double[]? _last;

        public int Fitted { get; private set; }

        public override float[] Score(int month)
        {
            var choice = blend.Choose(month, top);
            _last = choice.Weights;
            if (choice.Fitted) Fitted++;
            return blend.Predict(_last, month);
        }

        public IReadOnlyList<BlendWeight> LastWeights() =>
            _last is null ? [] : blend.Names.Select((n, i) => new BlendWeight(n, Math.Round(_last[i], 4))).ToList();
    }

    /// <summary>Per-window hit rates, PAI and PEI of one method at each coverage.</summary>
    private sealed class Tally(int coverages, int windows)
    {
        private readonly double[,] _hitRate = new double[coverages, windows];
        private readonly double[,] _pai = new double[coverages, windows];
        private readonly double[,] _pei = new double[coverages, windows];
        public double[] Spots { get; } = new double[coverages];

        public void Add(int coverage, int window, double hitRate, double areaShare, double pei)
        {
            _hitRate[coverage, window] = hitRate;
            _pai[coverage, window] = hitRate / areaShare;
            _pei[coverage, window] = pei;
        }

        public double HitRate(int c) => Mean(_hitRate, c);
        public double Pai(int c) => Mean(_pai, c);
        public double Pei(int c) => Mean(_pei, c);

        public double PaiPercentile(int c, double q)
        {
            var values = Enumerable.Range(0, windows).Select(w => _pai[c, w]).ToArray();
            return Quantiles.Of(values, q);
        }

        private double Mean(double[,] values, int c)
        {
            var finite = Enumerable.Range(0, windows).Select(w => values[c, w]).Where(double.IsFinite).ToList();
            return finite.Count == 0 ? double.NaN : finite.Average();
        }
    }
}

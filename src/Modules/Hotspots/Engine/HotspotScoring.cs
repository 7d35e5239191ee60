using HotSpots.Modules.Ingestion.Contracts;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>What a refresh scores: which categories make a hot spot, how many spots, and the places to leave out.</summary>
internal sealed record ScoringRequest(
    CrimeTable Crimes,
    MonthWindows Months,
    int TrainingMonths,
    IReadOnlySet<string> TargetCategories,
    string Method,
    int Count,
    int MaxCellsPerSpot,
    double CellSize,
    double KdeBandwidth,
    int GiRadius,
    double FalseDiscoveryRate,
    IReadOnlyList<Geometry> Exclusions);

/// <summary>A spot as cells, with its total score and significance.</summary>
internal sealed record ScoredSpot(int[] Cells, double Score, double GiZ, bool Significant);

/// <summary>The outcome of scoring: the grid, the spots, the density surface and how the score was made.</summary>
internal sealed record ScoredGrid(
    GridFrame Frame,
    IReadOnlyList<ScoredSpot> Spots,
    IReadOnlyList<(int Cell, float Value)> Density,
    IReadOnlyList<(string Feature, double Weight)> Weights,
    BlendChoice? Choice,
    bool[] MonthsWithData,
    int ActiveCells,
    int ExcludedCells,
    int SignificantCells,
    long CrimesOutsideArea,
    TrainingGap Gap);

/// <summary>
/// The training window's months as <see cref="MonthsHeld"/> sees them: how many it spans from the first month with data,
/// how many hold crimes, which are missing, and whether enough are held (3 in 4) for the set to be published.
/// </summary>
internal sealed record TrainingGap(int Span, int Held, int[] Missing, float Scale)
{
    public bool Enough => Held > 0 && Held >= MonthsHeld.MinHeld(Span);
}

/// <summary>
/// The hot path of a refresh, on flat arrays: bins the crimes once, scores every active cell (the blend, plain counts
/// or the kernel density), computes Gi* with Benjamini–Hochberg over the training window, removes excluded cells and
/// merges the best cells into spots.
/// </summary>
internal static class HotspotScoring
{
    /// <summary>How many of the most recent months the blend learns from (each a window with its own history).</summary>
    public const int FitWindows = 12;

    /// <summary>How many of the densest cells the review map shows.</summary>
    public const int DensityCells = 4000;

    public static ScoredGrid Score(ScoringRequest request)
    {
        var months = request.Months;
        var trainingFrom = months.Count - request.TrainingMonths;
        var (columns, categories, harm) = Columns(request.Crimes, months);
        var (box, outside) = AreaBox(columns);
        var frame = GridFrame.Covering(box.MinX, box.MinY, box.MaxX, box.MaxY, request.CellSize, margin: 3);
        var history = CellHistory.Build(frame, categories, months.Count, columns);
        var targetWeights = categories.Select((c, i) => request.TargetCategories.Contains(c) ? harm[i] : 0).ToArray();
        var active = history.Cells.Length;

        var trainingTarget = history.Weighted(targetWeights, trainingFrom, months.Count);
        // A missing month stays missing: sums over the training window are scaled by the months it holds (MonthsHeld).
        var (span, held) = MonthsHeld.Count(history.Available, trainingFrom, months.Count);
        var gap = new TrainingGap(span, held, MonthsHeld.Missing(history.Available, trainingFrom, months.Count),
            MonthsHeld.Scale(history.Available, trainingFrom, months.Count));
        var anyCrime = history.All(trainingFrom, months.Count).Select(n => n > 0).ToArray();

        var density = Density(request, columns, frame, targetWeights, trainingFrom);
        if (gap.Scale != 1)
            for (var i = 0; i < density.Length; i++) density[i] *= gap.Scale;
        IReadOnlyList<(string, double)> weights = [];
        BlendChoice? choice = null;
        float[] scores;
        switch (request.Method)
        {
            case ScoreMethods.Blend:
                var blend = new Blend(history, targetWeights, Enumerable.Range(0, active).ToArray(), BlendParts.All);
                choice = blend.Choose(months.Count, request.Count * request.MaxCellsPerSpot);
                weights = blend.Names.Select((n, i) => (n, choice.Weights[i])).ToList();
                scores = blend.Predict(choice.Weights, months.Count);
                break;
            case ScoreMethods.Kde:
                scores = history.Cells.Select(r => density[r]).ToArray();
                break;
            default:
                scores = trainingTarget.Select(v => v * gap.Scale).ToArray();
                break;
        }

        // Gi* over the cells with any crime in the training window.
        var study = new bool[frame.Count];
        var values = new float[frame.Count];
        for (var i = 0; i < active; i++)
        {
            study[history.Cells[i]] = anyCrime[i];
            values[history.Cells[i]] = trainingTarget[i];
        }
        var z = GetisOrd.ZScores(frame, values, study, request.GiRadius);
        var pValues = new List<double>();
        for (var i = 0; i < active; i++)
            if (anyCrime[i]) pValues.Add(Normal.UpperTail(z[history.Cells[i]]));
        var threshold = BenjaminiHochberg.Threshold(pValues, request.FalseDiscoveryRate);
        bool IsSignificant(int raster) => threshold > 0 && study[raster] && Normal.UpperTail(z[raster]) <= threshold;

        var excluded = Excluded(frame, history, request.Exclusions);
        var candidates = new List<int>(active);
        var candidateScores = new List<float>(active);
        for (var i = 0; i < active; i++)
        {
            // A hot spot of the target needs the target there: a cell the blend rates from other crime alone is left out.
            if (excluded.Contains(history.Cells[i]) || trainingTarget[i] <= 0) continue;
            candidates.Add(history.Cells[i]);
            candidateScores.Add(scores[i]);
        }
        var spotCells = SpotFinder.Find(frame, candidates.ToArray(), candidateScores.ToArray(), request.Count, request.MaxCellsPerSpot);
        var scoreOf = new Dictionary<int, float>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++) scoreOf[candidates[i]] = candidateScores[i];
        var spots = spotCells.Select(cells => new ScoredSpot(cells, cells.Sum(c => (double)scoreOf[c]),
            cells.Max(c => z[c]), cells.Any(IsSignificant))).ToList();

        return new ScoredGrid(frame, spots, TopDensity(density), weights, choice, history.Available, active, excluded.Count,
            pValues.Count(p => threshold > 0 && p <= threshold), outside, gap);
    }

    private static (CrimeColumns Columns, IReadOnlyList<string> Categories, double[] Harm) Columns(CrimeTable crimes, MonthWindows months)
    {
        var columns = new CrimeColumns(crimes.Count);
        for (var i = 0; i < crimes.Count; i++)
        {
            var month = months.MonthOf(crimes.OccurredUtcTicks[i]);
            if (month >= 0) columns.Add(crimes.X[i], crimes.Y[i], month, crimes.Category[i]);
        }
        return (columns, crimes.Categories, crimes.CategoryHarm.ToArray());
    }

    /// <summary>
    /// The area crimes are scored over: the 0.1 %–99.9 % quantile box of x and of y, widened by a fifth of its size
    /// (at least 2 km) so that no crime of the force's own area is lost, while a handful of far-off positions
    /// (mis-geocoded records) cannot stretch the grid over half the country.
    /// </summary>
    private static (Envelope Box, long Outside) AreaBox(CrimeColumns columns)
    {
        if (columns.Count == 0) return (new Envelope(0, 1, 0, 1), 0);
        // The box only guards against far-off positions, so a regular sample of a large set gives it well enough.
        var step = Math.Max(1, columns.Count / 200_000);
        var xs = new double[(columns.Count + step - 1) / step];
        var ys = new double[xs.Length];
        for (var i = 0; i < xs.Length; i++) (xs[i], ys[i]) = (columns.X[i * step], columns.Y[i * step]);
        double x0 = Quantiles.Of(xs, 0.001), x1 = Quantiles.Of(xs, 0.999), y0 = Quantiles.Of(ys, 0.001), y1 = Quantiles.Of(ys, 0.999);
        var pad = Math.Max(2000, 0.2 * Math.Max(x1 - x0, y1 - y0));
        var box = new Envelope(x0 - pad, x1 + pad, y0 - pad, y1 + pad);
        long outside = 0;
        for (var i = 0; i < columns.Count; i++)
            if (!box.Contains(columns.X[i], columns.Y[i]))
            {
                columns.Month[i] = -1;
                outside++;
            }
        return (box, outside);
    }

    private static float[] Density(ScoringRequest request, CrimeColumns columns, GridFrame frame, double[] targetWeights, int trainingFrom)
    {
        var x = new List<double>();
        var y = new List<double>();
        var w = new List<float>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns.Month[i] < trainingFrom) continue;
            var weight = targetWeights[columns.Category[i]];
            if (weight == 0) continue;
            x.Add(columns.X[i]);
            y.Add(columns.Y[i]);
            w.Add((float)weight);
        }
        return QuarticKde.AtCellCentres(frame, x.ToArray(), y.ToArray(), w.ToArray(), request.KdeBandwidth);
    }

    private static List<(int, float)> TopDensity(float[] density)
    {
        var cells = new List<(int Cell, float Value)>();
        for (var i = 0; i < density.Length; i++)
            if (density[i] > 0) cells.Add((i, density[i]));
        return cells.OrderByDescending(c => c.Value).ThenBy(c => c.Cell).Take(DensityCells).ToList();
    }

    /// <summary>Active cells whose centre lies in an exclusion.</summary>
    private static HashSet<int> Excluded(GridFrame frame, CellHistory history, IReadOnlyList<Geometry> exclusions)
    {
        var excluded = new HashSet<int>();
        var factory = new GeometryFactory();
        foreach (var exclusion in exclusions)
        {
            var prepared = PreparedGeometryFactory.Prepare(exclusion);
            var envelope = exclusion.EnvelopeInternal;
            var from = Cell.Of(envelope.MinX, envelope.MinY, frame.CellSize);
            var to = Cell.Of(envelope.MaxX, envelope.MaxY, frame.CellSize);
            for (var row = from.Row; row <= to.Row; row++)
                for (var column = from.Column; column <= to.Column; column++)
                {
                    var index = frame.IndexOf(new Cell(column, row));
                    if (index < 0 || history.ActiveOf[index] < 0) continue;
                    var (cx, cy) = frame.CentreOf(index);
                    if (prepared.Contains(factory.CreatePoint(new Coordinate(cx, cy)))) excluded.Add(index);
                }
        }
        return excluded;
    }
}

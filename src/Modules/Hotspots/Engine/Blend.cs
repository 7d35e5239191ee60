namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>The weights chosen for a month, and the walk-forward check that chose them.</summary>
/// <param name="Fitted">True when the fitted blend won the check; false when plain counts did (or there was too little history).</param>
/// <param name="BlendHits">Target caught in the top cells over the checked windows by the blend, and by plain counts.</param>
internal sealed record BlendChoice(double[] Weights, bool Fitted, int Windows, double BlendHits, double CountHits);

/// <summary>Which parts of the blend are used (the backtest switches them off one by one to show what each gains).</summary>
internal sealed record BlendParts(bool OlderHistory = true, bool Neighbours = true, bool OtherCategories = true)
{
    public static readonly BlendParts All = new();
}

/// <summary>
/// The blended score: a linear prediction of next month's target in each cell from what happened before it — the
/// target in the last month, months 2–3, 4–12, 13–24 and 25–36 (a decay profile learnt from the data), the target
/// in the ring of 8 neighbouring cells and the 16 beyond over the last 12 months (a kernel learnt from the data),
/// each crime category outside the target over the last 12 months and all crime over the last 3. Weights are fitted by least
/// squares on earlier months only: each window s contributes its cells' features before s against their target in s.
/// Features are monthly means over the months with data; a bucket with no month of data takes the last 12 months'.
/// </summary>
internal sealed class Blend
{
    /// <summary>Months of history a window needs before it can teach the blend anything.</summary>
    public const int MinHistoryMonths = 4;

    private const int First = 8; // columns before the categories'

    private readonly CellHistory _history;
    private readonly int[] _rows;
    private readonly float[][] _target; // running totals [month 0..Months][active cell]
    private readonly int[] _predictors;
    private readonly BlendParts _parts;
    private readonly int[] _availableBefore; // months with data before m
    private readonly Dictionary<int, float[]> _features = [];
    private readonly Dictionary<int, NormalEquations> _windows = [];

    /// <param name="rows">Active cell indices the blend scores (the study area or every active cell).</param>
    public Blend(CellHistory history, IReadOnlyList<double> targetWeights, int[] rows, BlendParts parts)
    {
        _history = history;
        _rows = rows;
        _parts = parts;
        _target = new float[history.Months + 1][];
        _target[0] = new float[history.Cells.Length];
        for (var m = 0; m < history.Months; m++)
        {
            var month = history.Weighted(targetWeights, m, m + 1);
            for (var i = 0; i < month.Length; i++) month[i] += _target[m][i];
            _target[m + 1] = month;
        }
        // Categories in the target are in it already: as predictors of their own they would only repeat it.
        _predictors = parts.OtherCategories
            ? Enumerable.Range(0, history.Categories.Count).Where(c => targetWeights[c] == 0).ToArray()
            : [];
        _availableBefore = new int[history.Months + 1];
        for (var m = 0; m < history.Months; m++) _availableBefore[m + 1] = _availableBefore[m] + (history.Available[m] ? 1 : 0);
        Names = ["constant", "last month", "months 2–3", "months 4–12", "months 13–24", "months 25–36", "8 neighbours, 12 months",
            "16 cells beyond, 12 months", .. _predictors.Select(c => $"{history.Categories[c]}, 12 months"), "all crime, months 1–3"];
    }

    public IReadOnlyList<string> Names { get; }

    public int Size => Names.Count;

    /// <summary>True when month s can be a fitting window: it holds data and enough history precedes it.</summary>
    public bool CanTeach(int month) => month < _history.Months && _history.Available[month] && _availableBefore[month] >= MinHistoryMonths;

    /// <summary>Fits the weights on the given windows (each must be before the month being predicted).</summary>
    public double[] Fit(IEnumerable<int> windows)
    {
        var total = new NormalEquations(Size);
        foreach (var s in windows)
        {
            if (!_windows.TryGetValue(s, out var equations)) _windows[s] = equations = Equations(s);
            total.Add(equations);
        }
        return total.Rows == 0 ? Fallback() : total.Solve();
    }

    /// <summary>The normal equations of window s: its cells' features before s against their target in s.</summary>
    private NormalEquations Equations(int s)
    {
        var equations = new NormalEquations(Size);
        var target = new float[_rows.Length];
        for (var r = 0; r < _rows.Length; r++) target[r] = _target[s + 1][_rows[r]] - _target[s][_rows[r]];
        equations.AddColumns(Features(s), target);
        return equations;
    }

    /// <summary>
    /// Works out the features of the windows and of the month to predict, then the windows' normal equations, on every
    /// core: none depends on another, and they are used afterwards in the same order as ever, so results do not change.
    /// </summary>
    private void Prepare(IReadOnlyList<int> windows, int month)
    {
        var months = windows.Append(month).Where(t => !_features.ContainsKey(t)).Distinct().ToArray();
        var features = new float[months.Length][];
        Parallel.For(0, months.Length, k => features[k] = NewFeatures(months[k]));
        for (var k = 0; k < months.Length; k++) _features[months[k]] = features[k];
        var pending = windows.Where(s => !_windows.ContainsKey(s)).ToArray();
        var equations = new NormalEquations[pending.Length];
        Parallel.For(0, pending.Length, k => equations[k] = Equations(pending[k]));
        for (var k = 0; k < pending.Length; k++) _windows[pending[k]] = equations[k];
    }

    /// <summary>
    /// The weights for month t, chosen walk-forward on the force's own history: the blend fitted on the latest windows
    /// before t, if on those windows (each predicted from the ones before it) it caught more of the target in its
    /// <paramref name="top"/> best cells than plain 12-month counts did; otherwise plain counts.
    /// </summary>
    public BlendChoice Choose(int month, int top)
    {
        var windows = Enumerable.Range(0, month).Where(CanTeach).TakeLast(HotspotScoring.FitWindows).ToList();
        Prepare(windows, month);
        double blendHits = 0, countHits = 0;
        for (var i = MinFitWindows; i < windows.Count; i++)
        {
            var s = windows[i];
            var actual = new float[_rows.Length];
            var counts = new float[_rows.Length];
            for (var r = 0; r < _rows.Length; r++)
            {
                var cell = _rows[r];
                actual[r] = _target[s + 1][cell] - _target[s][cell];
                counts[r] = _target[s][cell] - _target[Math.Max(0, s - 12)][cell];
            }
            blendHits += new RankedCells(Predict(Fit(windows.Take(i)), s)).Hits(actual, top);
            countHits += new RankedCells(counts).Hits(actual, top);
        }
        var useBlend = windows.Count > MinFitWindows && blendHits > countHits;
        return new BlendChoice(useBlend ? Fit(windows) : Fallback(), useBlend, windows.Count, blendHits, countHits);
    }

    /// <summary>Windows a fit needs before its predictions are worth checking.</summary>
    public const int MinFitWindows = 3;

    /// <summary>Plain counts of the last 12 months, for when there is no earlier window to learn from.</summary>
    public double[] Fallback()
    {
        var w = new double[Size];
        w[1] = 1.0 / 12;
        w[2] = 2.0 / 12;
        w[3] = 9.0 / 12;
        return w;
    }

    /// <summary>The blended score of each row for month t (t may be one past the last month held).</summary>
    public float[] Predict(double[] weights, int month)
    {
        var features = Features(month);
        var sums = new double[_rows.Length];
        for (var j = 0; j < Size; j++)
        {
            var column = features.AsSpan(j * _rows.Length, _rows.Length);
            for (var r = 0; r < sums.Length; r++) sums[r] += weights[j] * column[r];
        }
        return sums.Select(s => (float)s).ToArray();
    }

    /// <summary>Features of every row before month t, column by column (x[column × rows + row]).</summary>
    public float[] Features(int t) => _features.TryGetValue(t, out var cached) ? cached : _features[t] = NewFeatures(t);

    private float[] NewFeatures(int t)
    {
        var x = new float[_rows.Length * Size];
        var year = Mean(t - 12, t, null);
        x.AsSpan(0, _rows.Length).Fill(1);
        Put(x, 1, Mean(t - 1, t, year));
        Put(x, 2, Mean(t - 3, t - 1, year));
        Put(x, 3, Mean(t - 12, t - 3, year));
        if (_parts.OlderHistory)
        {
            var second = Mean(t - 24, t - 12, year);
            Put(x, 4, second);
            Put(x, 5, Mean(t - 36, t - 24, second));
        }
        if (_parts.Neighbours) Rings(x, year);
        if (_parts.OtherCategories)
        {
            var (from, to) = (Math.Max(0, t - 12), Math.Min(t, _history.Months));
            var months = Math.Max(1, _availableBefore[to] - _availableBefore[from]);
            for (var k = 0; k < _predictors.Length; k++)
            {
                var counts = new float[_history.Cells.Length];
                _history.AddSum(_predictors[k], from, to, counts, 1f / months);
                Put(x, First + k, counts);
            }
            var recentFrom = Math.Max(0, t - 3);
            var recent = _history.All(recentFrom, to);
            var recentMonths = Math.Max(1, _availableBefore[to] - _availableBefore[recentFrom]);
            for (var i = 0; i < recent.Length; i++) recent[i] /= recentMonths;
            Put(x, Size - 1, recent);
        }
        return x;
    }

    private void Put(float[] into, int column, float[] values)
    {
        var target = into.AsSpan(column * _rows.Length, _rows.Length);
        for (var r = 0; r < target.Length; r++) target[r] = values[_rows[r]];
    }

    /// <summary>The target's monthly mean over the months with data in [from, to); the fallback where there are none.</summary>
    private float[] Mean(int from, int to, float[]? fallback)
    {
        from = Math.Max(0, from);
        to = Math.Min(to, _history.Months);
        var months = from < to ? _availableBefore[to] - _availableBefore[from] : 0;
        if (months == 0) return fallback ?? new float[_history.Cells.Length];
        var mean = new float[_history.Cells.Length];
        var (after, before) = (_target[to], _target[from]);
        for (var i = 0; i < mean.Length; i++) mean[i] = (after[i] - before[i]) / months;
        return mean;
    }

    private void Rings(float[] x, float[] year)
    {
        var frame = _history.Frame;
        var raster = new float[frame.Count];
        var cells = _history.Cells;
        for (var a = 0; a < cells.Length; a++) raster[cells[a]] = year[a];
        for (var r = 0; r < _rows.Length; r++)
        {
            var centre = cells[_rows[r]];
            int column = centre % frame.Width, row = centre / frame.Width;
            float ring1 = 0, ring2 = 0;
            for (var dy = -2; dy <= 2; dy++)
            {
                var gy = row + dy;
                if (gy < 0 || gy >= frame.Height) continue;
                for (var dx = -2; dx <= 2; dx++)
                {
                    var gx = column + dx;
                    if (gx < 0 || gx >= frame.Width || (dx == 0 && dy == 0)) continue;
                    var v = raster[gy * frame.Width + gx];
                    if (Math.Abs(dx) <= 1 && Math.Abs(dy) <= 1) ring1 += v; else ring2 += v;
                }
            }
            x[6 * _rows.Length + r] = ring1;
            x[7 * _rows.Length + r] = ring2;
        }
    }
}

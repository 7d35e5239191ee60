namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>
/// Crimes binned once into counts per category, month and active cell (a cell with any crime in the history), held
/// as running totals over the months so that the sum over any run of months costs one subtraction: flat float arrays
/// that every score reads. Month 0 is the oldest.
/// </summary>
internal sealed class CellHistory
{
    private readonly float[] _totals; // [category][month 0..Months][active cell]: crimes before that month

    private CellHistory(GridFrame frame, IReadOnlyList<string> categories, int months, int[] cells, int[] activeOf, float[] totals, bool[] available)
    {
        Frame = frame;
        Categories = categories;
        Months = months;
        Cells = cells;
        ActiveOf = activeOf;
        _totals = totals;
        Available = available;
    }

    public GridFrame Frame { get; }
    public IReadOnlyList<string> Categories { get; }
    public int Months { get; }

    /// <summary>Raster index of each active cell, in raster order.</summary>
    public int[] Cells { get; }

    /// <summary>Active index of each raster cell, or -1.</summary>
    public int[] ActiveOf { get; }

    /// <summary>Months that hold any crime: a month without any is missing data, not a month without crime.</summary>
    public bool[] Available { get; }

    /// <summary>Adds weight × (crimes of the category in months [from, to)) to each active cell.</summary>
    public void AddSum(int category, int from, int to, Span<float> into, float weight = 1)
    {
        if (from >= to || weight == 0) return;
        var n = Cells.Length;
        var after = _totals.AsSpan((category * (Months + 1) + to) * n, n);
        var before = _totals.AsSpan((category * (Months + 1) + from) * n, n);
        for (var i = 0; i < n; i++) into[i] += weight * (after[i] - before[i]);
    }

    /// <summary>Bins crimes given as parallel arrays; points outside the frame or the months are left out.</summary>
    public static CellHistory Build(GridFrame frame, IReadOnlyList<string> categories, int months, CrimeColumns crimes)
    {
        var activeOf = new int[frame.Count];
        Array.Fill(activeOf, -1);
        var available = new bool[months];
        int CellOf(int i) => crimes.Month[i] < 0 || crimes.Month[i] >= months ? -1 : frame.IndexOf(crimes.X[i], crimes.Y[i]);
        for (var i = 0; i < crimes.Count; i++)
        {
            var cell = CellOf(i);
            if (cell < 0) continue;
            activeOf[cell] = 0;
            available[crimes.Month[i]] = true;
        }
        var count = 0;
        for (var r = 0; r < activeOf.Length; r++)
            if (activeOf[r] == 0) activeOf[r] = ++count; // 1-based while counting, made 0-based below
        var cells = new int[count];
        for (var r = 0; r < activeOf.Length; r++)
            if (activeOf[r] > 0) cells[activeOf[r] -= 1] = r;
        var totals = new float[(long)categories.Count * (months + 1) * count is var size && size > int.MaxValue
            ? throw new InvalidOperationException($"{count:N0} active cells over {months} months is too many to hold; use larger cells or fewer months.")
            : (int)size];
        // Count each month into the slot after it, then turn counts into running totals.
        for (var i = 0; i < crimes.Count; i++)
            if (CellOf(i) is var cell and >= 0)
                totals[(crimes.Category[i] * (months + 1) + crimes.Month[i] + 1) * count + activeOf[cell]] += 1;
        for (var c = 0; c < categories.Count; c++)
            for (var m = 1; m <= months; m++)
            {
                var previous = totals.AsSpan((c * (months + 1) + m - 1) * count, count);
                var current = totals.AsSpan((c * (months + 1) + m) * count, count);
                for (var i = 0; i < count; i++) current[i] += previous[i];
            }
        return new CellHistory(frame, categories, months, cells, activeOf, totals, available);
    }

    /// <summary>Weighted sum over categories of each active cell's crimes in months [from, to).</summary>
    public float[] Weighted(IReadOnlyList<double> categoryWeights, int from, int to)
    {
        var sum = new float[Cells.Length];
        for (var c = 0; c < Categories.Count; c++) AddSum(c, from, to, sum, (float)categoryWeights[c]);
        return sum;
    }

    /// <summary>Each active cell's crimes of every category in months [from, to).</summary>
    public float[] All(int from, int to) => Weighted(Enumerable.Repeat(1.0, Categories.Count).ToArray(), from, to);
}

/// <summary>Crimes as parallel arrays: position in metres, month index (0 = oldest, -1 = outside) and category index.</summary>
internal sealed class CrimeColumns(int capacity)
{
    public double[] X { get; private set; } = new double[capacity];
    public double[] Y { get; private set; } = new double[capacity];
    public int[] Month { get; private set; } = new int[capacity];
    public int[] Category { get; private set; } = new int[capacity];
    public int Count { get; private set; }

    public void Add(double x, double y, int month, int category)
    {
        if (Count == X.Length)
        {
            var size = Math.Max(16, X.Length * 2);
            X = Grow(X, size);
            Y = Grow(Y, size);
            Month = Grow(Month, size);
            Category = Grow(Category, size);
        }
        X[Count] = x;
        Y[Count] = y;
        Month[Count] = month;
        Category[Count] = category;
        Count++;
    }

    private static T[] Grow<T>(T[] array, int size)
    {
        var grown = new T[size];
        Array.Copy(array, grown, array.Length);
        return grown;
    }
}

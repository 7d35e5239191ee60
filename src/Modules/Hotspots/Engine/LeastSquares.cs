using System.Numerics;

namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>Normal equations of a linear least-squares fit, accumulated row by row and solved with a small ridge.</summary>
internal sealed class NormalEquations(int size)
{
    public int Size { get; } = size;
    public double[] Gram { get; } = new double[size * size];
    public double[] Moment { get; } = new double[size];
    public long Rows { get; private set; }

    /// <summary>
    /// Adds a block of rows held column by column (x[column × rows + row]): each entry of XᵀX is one dot product of two
    /// columns, which vectorises far better than a rank-one update per row.
    /// </summary>
    public void AddColumns(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var rows = y.Length;
        var p = Size;
        for (var i = 0; i < p; i++)
        {
            var a = x.Slice(i * rows, rows);
            Moment[i] += Dot(a, y);
            for (var j = i; j < p; j++)
            {
                var dot = Dot(a, x.Slice(j * rows, rows));
                Gram[i * p + j] += dot;
                if (j != i) Gram[j * p + i] += dot;
            }
        }
        Rows += rows;
    }

    /// <summary>A dot product of floats, summed in doubles.</summary>
    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var lanes = Vector<float>.Count;
        var sum = Vector<double>.Zero;
        var k = 0;
        for (; k <= a.Length - lanes; k += lanes)
        {
            var product = new Vector<float>(a[k..]) * new Vector<float>(b[k..]);
            Vector.Widen(product, out var low, out var high);
            sum += low + high;
        }
        var total = Vector.Sum(sum);
        for (; k < a.Length; k++) total += (double)a[k] * b[k];
        return total;
    }

    public void Add(NormalEquations other)
    {
        for (var i = 0; i < Gram.Length; i++) Gram[i] += other.Gram[i];
        for (var i = 0; i < Moment.Length; i++) Moment[i] += other.Moment[i];
        Rows += other.Rows;
    }

    /// <summary>
    /// Solves (XᵀX + λD)w = Xᵀy by Cholesky, where D is the diagonal of XᵀX (a ridge relative to each feature's scale,
    /// so that collinear or empty features stay finite).
    /// </summary>
    public double[] Solve(double relativeRidge = 1e-4)
    {
        var p = Size;
        var a = new double[p, p];
        for (var i = 0; i < p; i++)
        for (var j = i; j < p; j++)
            a[i, j] = a[j, i] = Gram[i * p + j];
        for (var i = 0; i < p; i++) a[i, i] += relativeRidge * a[i, i] + 1e-9;
        for (var j = 0; j < p; j++)
        {
            var d = a[j, j];
            for (var k = 0; k < j; k++) d -= a[j, k] * a[j, k];
            if (d <= 0) throw new InvalidOperationException("The blend's normal equations are not positive definite.");
            a[j, j] = Math.Sqrt(d);
            for (var i = j + 1; i < p; i++)
            {
                var s = a[i, j];
                for (var k = 0; k < j; k++) s -= a[i, k] * a[j, k];
                a[i, j] = s / a[j, j];
            }
        }
        var w = new double[p];
        for (var i = 0; i < p; i++)
        {
            var s = Moment[i];
            for (var k = 0; k < i; k++) s -= a[i, k] * w[k];
            w[i] = s / a[i, i];
        }
        for (var i = p - 1; i >= 0; i--)
        {
            var s = w[i];
            for (var k = i + 1; k < p; k++) s -= a[k, i] * w[k];
            w[i] = s / a[i, i];
        }
        return w;
    }
}

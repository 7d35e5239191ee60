namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>Quantiles by linear interpolation between order statistics, found by selection in linear time (no full sort).</summary>
internal static class Quantiles
{
    /// <summary>The q-quantile of the values; reorders the array.</summary>
    public static double Of(double[] values, double q)
    {
        if (values.Length == 0) throw new ArgumentException("No values to take a quantile of.", nameof(values));
        var position = q * (values.Length - 1);
        var below = (int)Math.Floor(position);
        var low = Select(values, below);
        if (below + 1 >= values.Length || position == below) return low;
        // After selection every value right of `below` is at least as large: the next order statistic is their minimum.
        var next = double.PositiveInfinity;
        for (var i = below + 1; i < values.Length; i++) next = Math.Min(next, values[i]);
        return low + (position - below) * (next - low);
    }

    /// <summary>Puts the k-th smallest value at index k, smaller ones left of it and larger ones right (Hoare's selection).</summary>
    private static double Select(double[] a, int k)
    {
        int left = 0, right = a.Length - 1;
        while (right > left)
        {
            var middle = left + (right - left) / 2;
            // Median of three as the pivot: sorted data does not degrade the selection.
            if (a[middle] < a[left]) (a[middle], a[left]) = (a[left], a[middle]);
            if (a[right] < a[left]) (a[right], a[left]) = (a[left], a[right]);
            if (a[right] < a[middle]) (a[right], a[middle]) = (a[middle], a[right]);
            var pivot = a[middle];
            int i = left, j = right;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i > j) break;
                (a[i], a[j]) = (a[j], a[i]);
                i++;
                j--;
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return a[k];
        }
        return a[k];
    }
}

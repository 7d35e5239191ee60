using HotSpots.Modules.Ingestion.Contracts;
using HotSpots.Modules.Ingestion.Harm;

namespace HotSpots.Modules.Ingestion.QueryCrimes;

/// <summary>
/// Every mappable crime as columns, in id order (the order the table is read in, so a window of them holds the same
/// crimes in the same order as a query of that window would), as of one revision of the crimes
/// (<see cref="IngestionRevisions.Crimes"/>): read after it, so holding at least every write it counts.
/// Categories, places and areas are indices into name lists, numbered in order of first appearance.
/// </summary>
internal sealed class MappableCrimes(
    long revision, double[] x, double[] y, long[] ticks, bool[] timed, int[] category, int[] place, int[] area,
    string[] categories, string[] places, string[] areas)
{
    private readonly Lock _gate = new();
    private CrimeTable? _all;

    public long Revision { get; } = revision;

    public int Count => x.Length;

    /// <summary>
    /// The crimes that occurred in [from, to), with the harm of each category from <paramref name="harm"/>. When the
    /// window holds them all, the arrays are these ones, and the same table is given back for as long as the harm stays.
    /// </summary>
    public CrimeTable Window(DateTime fromUtc, DateTime toUtc, HarmWeights harm)
    {
        long from = fromUtc.Ticks, to = toUtc.Ticks;
        var n = 0;
        foreach (var t in ticks)
            if (t >= from && t < to) n++;
        if (n == Count) return All(harm);

        var (wx, wy, wTicks, wTimed) = (new double[n], new double[n], new long[n], new bool[n]);
        var (wCategory, wPlace, wArea) = (new int[n], new int[n], new int[n]);
        var (categoryNames, placeNames, areaNames) = (new Renumbering(categories), new Renumbering(places), new Renumbering(areas));
        for (int i = 0, j = 0; j < n; i++)
        {
            if (ticks[i] < from || ticks[i] >= to) continue;
            (wx[j], wy[j], wTicks[j], wTimed[j]) = (x[i], y[i], ticks[i], timed[i]);
            wCategory[j] = categoryNames.Of(category[i]);
            wPlace[j] = placeNames.Of(place[i]);
            wArea[j] = areaNames.Of(area[i]);
            j++;
        }
        return new CrimeTable(Revision, wx, wy, wTicks, wTimed, wCategory, wPlace, categoryNames.Names, HarmOf(categoryNames.Names, harm),
            placeNames.Names, wArea, areaNames.Names);
    }

    private CrimeTable All(HarmWeights harm)
    {
        var categoryHarm = HarmOf(categories, harm);
        lock (_gate)
        {
            if (_all is { } held && held.CategoryHarm.SequenceEqual(categoryHarm)) return held;
            return _all = new CrimeTable(Revision, x, y, ticks, timed, category, place, categories, categoryHarm, places, area, areas);
        }
    }

    /// <summary>Harm per category, with the analyst's overrides (a refresh weighs by category; offence-code weights apply to single crimes).</summary>
    private static double[] HarmOf(IReadOnlyList<string> categories, HarmWeights harm) => categories.Select(c => harm.DaysFor(c)).ToArray();

    /// <summary>Names of a window numbered again in order of first appearance in it, as a query of the window would number them.</summary>
    private sealed class Renumbering(string[] all)
    {
        private readonly int[] _local = Enumerable.Repeat(-1, all.Length).ToArray();

        public List<string> Names { get; } = [];

        public int Of(int index)
        {
            if (index < 0) return -1;
            if (_local[index] < 0)
            {
                _local[index] = Names.Count;
                Names.Add(all[index]);
            }
            return _local[index];
        }
    }
}

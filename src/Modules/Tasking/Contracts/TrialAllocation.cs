using HotSpots.Modules.Tasking.Trials;

namespace HotSpots.Modules.Tasking.Contracts;

/// <summary>
/// The trials' own allocation scheme, for randomisation inference: for a design and a seed, which spots are treated on
/// which day, drawn by the very generator that makes a trial's sealed schedule (the same seed gives the same arms as
/// the schedule). Pure: no clock, no storage.
/// </summary>
public static class TrialAllocation
{
    /// <summary>
    /// Whether each of <paramref name="spots"/> (in the order given) is treated on each day (index 0 = the first day) for
    /// <paramref name="seed"/>. Fixed arms and ranked blocks give the same row, one array, for every day.
    /// <paramref name="blockSize"/> counts for ranked blocks only (at least 2, as a trial uses it).
    /// </summary>
    public static bool[][] Draw(IReadOnlyList<TrialSpot> spots, TrialDesign design, double share, int days, int blockSize, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var draw = spots.Select(s => new DrawSpot(s.Code, s.HotspotId, s.Rank, s.Harm)).ToList();
        var order = Enumerable.Range(0, draw.Count).OrderBy(i => draw[i].Rank).ToArray();
        var ranked = ScheduleGenerator.Allocate(order.Select(i => draw[i]).ToList(), design, share, days, Math.Max(2, blockSize), seed);
        // Back from rank order to the order given (fixed designs keep one row for every day).
        var rows = new Dictionary<bool[], bool[]>(ReferenceEqualityComparer.Instance);
        return ranked.Select(row =>
        {
            if (rows.TryGetValue(row, out var mapped)) return mapped;
            mapped = new bool[row.Length];
            for (var k = 0; k < order.Length; k++) mapped[order[k]] = row[k];
            return rows[row] = mapped;
        }).ToArray();
    }

    /// <summary>The arms of <paramref name="trial"/>'s own design, redrawn with another <paramref name="seed"/> (its own seed gives its schedule).</summary>
    public static bool[][] Draw(TrialView trial, long seed) =>
        Draw(trial.Spots, trial.Design, trial.TreatmentShare, trial.LastDay.DayNumber - trial.FirstDay.DayNumber + 1, trial.BlockSize, seed);

    /// <summary>
    /// The ranked block of each of <paramref name="spots"/> (in the order given; 0 = the block of highest harm), as the ranked-blocks
    /// design groups them for <paramref name="blockSize"/> (at least 2).
    /// </summary>
    public static int[] Blocks(IReadOnlyList<TrialSpot> spots, int blockSize)
    {
        var size = Math.Max(2, blockSize);
        var blocks = new int[spots.Count];
        var byHarm = Enumerable.Range(0, spots.Count).OrderByDescending(i => spots[i].Harm).ThenBy(i => spots[i].Rank).ToArray();
        for (var k = 0; k < byHarm.Length; k++) blocks[byHarm[k]] = k / size;
        return blocks;
    }

    /// <summary><paramref name="count"/> seeds for redraws, from one seed: the same seed always gives the same seeds (SplitMix64).</summary>
    public static long[] Seeds(long seed, int count)
    {
        var random = new SplitMix64(seed);
        return Enumerable.Range(0, count).Select(_ => unchecked((long)random.NextUInt64())).ToArray();
    }
}

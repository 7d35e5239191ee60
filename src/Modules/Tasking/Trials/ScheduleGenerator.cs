using HotSpots.Modules.Tasking.Contracts;

namespace HotSpots.Modules.Tasking.Trials;

/// <summary>A spot entering the draw, in rank order, with its harm (for ranked blocks).</summary>
internal sealed record DrawSpot(string Code, long HotspotId, int Rank, double Harm);

/// <summary>Generates a trial's whole schedule from its design and seed. The same inputs always give the same schedule.</summary>
internal static class ScheduleGenerator
{
    public static IReadOnlyList<TrialPlaceDay> Generate(
        IReadOnlyList<DrawSpot> spots, TrialDesign design, double share, DateOnly firstDay, int days, int blockSize, long seed)
    {
        var ordered = spots.OrderBy(s => s.Rank).ToList();
        var treated = Allocate(ordered, design, share, days, blockSize, seed);
        var placeDays = new List<TrialPlaceDay>(ordered.Count * days);
        for (var d = 0; d < days; d++)
            placeDays.AddRange(ordered.Select((s, i) => new TrialPlaceDay(s.Code, s.HotspotId, firstDay.AddDays(d), treated[d][i] ? TrialArm.Treatment : TrialArm.Control)));
        return placeDays;
    }

    /// <summary>
    /// Whether each spot of <paramref name="ordered"/> (the spots in rank order) is treated on each day (index 0 = the first
    /// day): the draws <see cref="Generate"/> makes for these inputs. Fixed designs give the same row every day. Works on
    /// indices, not sets, so that randomisation inference can redraw a schedule thousands of times.
    /// </summary>
    public static bool[][] Allocate(IReadOnlyList<DrawSpot> ordered, TrialDesign design, double share, int days, int blockSize, long seed)
    {
        var random = new SplitMix64(seed);
        var treated = new bool[days][];
        var all = Enumerable.Range(0, ordered.Count).ToArray();
        var scratch = new int[ordered.Count];
        switch (design)
        {
            case TrialDesign.DailyPlaceDays:
                for (var d = 0; d < days; d++)
                {
                    treated[d] = new bool[ordered.Count];
                    Draw(random, all, scratch, share, treated[d]);
                }
                break;
            case TrialDesign.FixedArms:
                var fixedRow = new bool[ordered.Count];
                Draw(random, all, scratch, share, fixedRow);
                Array.Fill(treated, fixedRow);
                break;
            case TrialDesign.RankedBlocks:
                var byHarm = all.OrderByDescending(i => ordered[i].Harm).ThenBy(i => ordered[i].Rank).ToArray();
                var blockRow = new bool[ordered.Count];
                foreach (var block in byHarm.Chunk(blockSize))
                    Draw(random, block, scratch, share, blockRow);
                Array.Fill(treated, blockRow);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(design), design, "Unknown trial design.");
        }
        return treated;
    }

    /// <summary>Blocks of spots ranked by harm, as the ranked-blocks design groups them (for balance checks).</summary>
    public static IReadOnlyList<DrawSpot[]> Blocks(IReadOnlyList<DrawSpot> spots, int blockSize) =>
        spots.OrderByDescending(s => s.Harm).ThenBy(s => s.Rank).Chunk(blockSize).ToList();

    /// <summary>Shuffles the group (Fisher–Yates on a copy) and marks the first floor-or-ceiling share of it as treated.</summary>
    private static void Draw(SplitMix64 random, int[] group, int[] scratch, double share, bool[] treated)
    {
        var shuffled = scratch.AsSpan(0, group.Length);
        group.CopyTo(shuffled);
        random.Shuffle(shuffled);
        var count = random.TreatedCount(group.Length, share);
        for (var k = 0; k < count; k++) treated[shuffled[k]] = true;
    }
}

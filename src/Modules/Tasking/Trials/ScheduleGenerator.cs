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
        var random = new SplitMix64(seed);
        var ordered = spots.OrderBy(s => s.Rank).ToList();
        var placeDays = new List<TrialPlaceDay>(ordered.Count * days);
        switch (design)
        {
            case TrialDesign.DailyPlaceDays:
                for (var d = 0; d < days; d++)
                {
                    var treated = Draw(random, ordered, share);
                    placeDays.AddRange(ordered.Select(s => Day(s, firstDay.AddDays(d), treated)));
                }
                break;
            case TrialDesign.FixedArms:
                AddFixed(placeDays, ordered, Draw(random, ordered, share), firstDay, days);
                break;
            case TrialDesign.RankedBlocks:
                var byHarm = ordered.OrderByDescending(s => s.Harm).ThenBy(s => s.Rank).ToList();
                var treatedInBlocks = new HashSet<long>();
                foreach (var block in byHarm.Chunk(blockSize))
                    treatedInBlocks.UnionWith(Draw(random, block, share));
                AddFixed(placeDays, ordered, treatedInBlocks, firstDay, days);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(design), design, "Unknown trial design.");
        }
        return placeDays;
    }

    /// <summary>Blocks of spots ranked by harm, as the ranked-blocks design groups them (for balance checks).</summary>
    public static IReadOnlyList<DrawSpot[]> Blocks(IReadOnlyList<DrawSpot> spots, int blockSize) =>
        spots.OrderByDescending(s => s.Harm).ThenBy(s => s.Rank).Chunk(blockSize).ToList();

    private static HashSet<long> Draw(SplitMix64 random, IReadOnlyList<DrawSpot> group, double share)
    {
        var shuffled = group.ToList();
        random.Shuffle(shuffled);
        return shuffled.Take(random.TreatedCount(group.Count, share)).Select(s => s.HotspotId).ToHashSet();
    }

    private static void AddFixed(List<TrialPlaceDay> placeDays, IReadOnlyList<DrawSpot> ordered, HashSet<long> treated, DateOnly firstDay, int days)
    {
        for (var d = 0; d < days; d++)
            placeDays.AddRange(ordered.Select(s => Day(s, firstDay.AddDays(d), treated)));
    }

    private static TrialPlaceDay Day(DrawSpot spot, DateOnly day, HashSet<long> treated) =>
        new(spot.Code, spot.HotspotId, day, treated.Contains(spot.HotspotId) ? TrialArm.Treatment : TrialArm.Control);
}

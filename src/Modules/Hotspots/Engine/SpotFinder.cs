namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>
/// Merges contiguous top-scoring cells into spots: the best free candidate cell seeds a spot, which grows
/// by its best neighbouring candidate until it reaches the maximum size. Spots are ranked by total score.
/// </summary>
internal static class SpotFinder
{
    public static IReadOnlyList<IReadOnlyList<Cell>> Find(IReadOnlyDictionary<Cell, double> scores, int count, int maxCellsPerSpot)
    {
        var candidates = scores.Where(s => s.Value > 0)
            .OrderByDescending(s => s.Value).ThenBy(s => s.Key.Column).ThenBy(s => s.Key.Row)
            .Take(count * maxCellsPerSpot)
            .Select(s => s.Key)
            .ToList();
        var free = candidates.ToHashSet();
        var spots = new List<List<Cell>>();
        foreach (var seed in candidates)
        {
            if (!free.Remove(seed)) continue;
            var spot = new List<Cell> { seed };
            while (spot.Count < maxCellsPerSpot)
            {
                var next = spot.SelectMany(c => c.Neighbours()).Where(free.Contains)
                    .OrderByDescending(c => scores[c]).ThenBy(c => c.Column).ThenBy(c => c.Row)
                    .Cast<Cell?>().FirstOrDefault();
                if (next is not { } cell) break;
                free.Remove(cell);
                spot.Add(cell);
            }
            spots.Add(spot);
        }
        return spots.OrderByDescending(s => s.Sum(c => scores[c])).Take(count).ToList();
    }
}

namespace HotSpots.Modules.Hotspots.Engine;

/// <summary>
/// Merges contiguous top-scoring cells into spots: the best free candidate cell seeds a spot, which grows by its
/// best neighbouring candidate (sharing an edge) until it reaches the maximum size. Spots are ranked by total score.
/// </summary>
internal static class SpotFinder
{
    /// <param name="cells">Raster indices of the cells that may be in a spot (exclusions already removed).</param>
    /// <param name="scores">Score of each of those cells; only positive scores are candidates.</param>
    /// <param name="count">How many spots to keep (the force's patrol capacity); int.MaxValue keeps all.</param>
    /// <returns>Each spot's raster indices, best spot first.</returns>
    public static IReadOnlyList<int[]> Find(GridFrame frame, ReadOnlySpan<int> cells, ReadOnlySpan<float> scores, int count, int maxCellsPerSpot)
    {
        var order = new List<int>(cells.Length);
        for (var i = 0; i < cells.Length; i++)
            if (scores[i] > 0) order.Add(i);
        var cellsCopy = cells.ToArray();
        var scoresCopy = scores.ToArray();
        // Best first; ties go to the lower raster index, so the result never depends on the input order.
        order.Sort((a, b) => scoresCopy[b].CompareTo(scoresCopy[a]) is var c && c != 0 ? c : cellsCopy[a].CompareTo(cellsCopy[b]));
        var limit = count == int.MaxValue ? order.Count : (int)Math.Min(order.Count, (long)count * maxCellsPerSpot);
        var free = new Dictionary<int, float>(limit);
        for (var k = 0; k < limit; k++) free[cellsCopy[order[k]]] = scoresCopy[order[k]];

        var spots = new List<(int[] Cells, double Total)>();
        for (var k = 0; k < limit; k++)
        {
            var seed = cellsCopy[order[k]];
            if (!free.Remove(seed, out var seedScore)) continue;
            var spot = new List<int> { seed };
            double total = seedScore;
            while (spot.Count < maxCellsPerSpot)
            {
                int best = -1;
                float bestScore = 0;
                foreach (var member in spot)
                    foreach (var neighbour in Neighbours(frame, member))
                        if (free.TryGetValue(neighbour, out var s) && (best < 0 || s > bestScore || (s == bestScore && neighbour < best)))
                            (best, bestScore) = (neighbour, s);
                if (best < 0) break;
                free.Remove(best);
                spot.Add(best);
                total += bestScore;
            }
            spots.Add((spot.ToArray(), total));
        }
        return spots.OrderByDescending(s => s.Total).ThenBy(s => s.Cells[0]).Take(count).Select(s => s.Cells).ToList();
    }

    private static IEnumerable<int> Neighbours(GridFrame frame, int index)
    {
        int column = index % frame.Width, row = index / frame.Width;
        if (column + 1 < frame.Width) yield return index + 1;
        if (column > 0) yield return index - 1;
        if (row + 1 < frame.Height) yield return index + frame.Width;
        if (row > 0) yield return index - frame.Width;
    }
}

namespace HotSpots.Modules.Patrols.Tracks;

/// <summary>A stretch of time, start included, end excluded.</summary>
internal readonly record struct TimeStretch(DateTime StartUtc, DateTime EndUtc)
{
    public double Seconds => Math.Max(0, (EndUtc - StartUtc).TotalSeconds);
}

/// <summary>How much of a patrol was measured, and the stretches that were not (in time order, not overlapping).</summary>
internal sealed record ObservationResult(double ObservedSeconds, double UnobservedSeconds, IReadOnlyList<TimeStretch> Unobserved)
{
    public static readonly ObservationResult None = new(0, 0, []);
}

/// <summary>
/// Which part of a patrol was measured. A stretch is unobserved when the page said so (hidden, frozen, closed, no fix),
/// or when the server heard no usable position for longer than the gap threshold (a page that was killed cannot say):
/// the whole silence between two fixes, from the start to the first fix, and from the last fix to the end. Unobserved
/// time is neither inside nor outside the spot; the rest of the patrol is observed. Pure: no clock, no I/O.
/// </summary>
internal static class Observation
{
    /// <param name="startUtc">The patrol's start.</param>
    /// <param name="endUtc">Its end, or now for a running patrol.</param>
    /// <param name="fixTimes">Times of the usable positions (accurate enough to measure by), in any order.</param>
    /// <param name="reported">Stretches the page reported it could not measure, in any order; they may overlap.</param>
    /// <param name="maxGapSeconds">Silence longer than this between fixes is unobserved.</param>
    public static ObservationResult Measure(
        DateTime startUtc, DateTime endUtc, IEnumerable<DateTime> fixTimes, IEnumerable<TimeStretch> reported, double maxGapSeconds)
    {
        if (endUtc <= startUtc) return ObservationResult.None;
        var stretches = new List<TimeStretch>();
        var previous = startUtc;
        foreach (var time in fixTimes.Where(t => t >= startUtc && t <= endUtc).Order().Append(endUtc))
        {
            if ((time - previous).TotalSeconds > maxGapSeconds) stretches.Add(new TimeStretch(previous, time));
            previous = time;
        }
        foreach (var stretch in reported)
        {
            var from = stretch.StartUtc < startUtc ? startUtc : stretch.StartUtc;
            var to = stretch.EndUtc > endUtc ? endUtc : stretch.EndUtc;
            if (to > from) stretches.Add(new TimeStretch(from, to));
        }
        var union = Union(stretches);
        var unobserved = union.Sum(s => s.Seconds);
        return new ObservationResult((endUtc - startUtc).TotalSeconds - unobserved, unobserved, union);
    }

    private static List<TimeStretch> Union(List<TimeStretch> stretches)
    {
        var union = new List<TimeStretch>();
        foreach (var s in stretches.OrderBy(s => s.StartUtc))
        {
            if (union.Count > 0 && s.StartUtc <= union[^1].EndUtc)
                union[^1] = union[^1] with { EndUtc = s.EndUtc > union[^1].EndUtc ? s.EndUtc : union[^1].EndUtc };
            else union.Add(s);
        }
        return union;
    }
}

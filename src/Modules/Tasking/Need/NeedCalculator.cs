using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Tasking.Contracts;

namespace HotSpots.Modules.Tasking.Need;

/// <summary>
/// A spot's need, and its weight in the Direct me draw:
/// weight = (0.2 + owed share of today's target) × (2 if violence peaks at this hour, else 1) × (1 + hours since the last visit, up to 4, / 4).
/// A spot that has had its daily cap is not offered at all.
/// </summary>
internal static class NeedCalculator
{
    public static SpotNeed For(PublishedHotspot spot, SpotDose? dose, DoseTargets targets, DateTime nowUtc, DateTime nowLocal)
    {
        var delivered = dose?.OfficerMinutes ?? 0;
        var owedShare = Math.Clamp((targets.DailyTargetMinutes - delivered) / targets.DailyTargetMinutes, 0, 1);
        var peakNow = spot.Why.PeakHours.Contains(nowLocal.Hour)
            && (spot.Why.PeakDays.Count == 0 || spot.Why.PeakDays.Contains(nowLocal.DayOfWeek));
        var hoursSince = dose?.LastVisitUtc is { } last ? Math.Max(0, (nowUtc - last).TotalHours) : 4;
        var weight = (0.2 + owedShare) * (peakNow ? 2 : 1) * (1 + Math.Min(hoursSince, 4) / 4);
        return new SpotNeed(targets.DailyTargetMinutes, delivered, dose?.Visits ?? 0, dose?.LastVisitUtc, peakNow,
            delivered >= targets.DailyCapMinutes, Math.Round(weight, 4));
    }
}

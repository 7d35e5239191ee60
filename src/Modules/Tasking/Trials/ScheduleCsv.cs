using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HotSpots.Modules.Tasking.Contracts;

namespace HotSpots.Modules.Tasking.Trials;

/// <summary>
/// The canonical, pseudonymised form of a schedule: the design and seed, then one line per place-day in a fixed
/// order, UTF-8 with LF line ends. Its SHA-256 is what a force pre-registers.
/// </summary>
internal static class ScheduleCsv
{
    public static string Write(string name, TrialDesign design, double share, int blockSize, long seed, int policeDayStartHour,
        DoseTargets targets, IEnumerable<TrialPlaceDay> placeDays)
    {
        var text = new StringBuilder();
        var i = CultureInfo.InvariantCulture;
        text.Append("# HotSpots trial schedule\n");
        text.Append(i, $"# trial: {name.Replace('\n', ' ')}\n");
        text.Append(i, $"# design: {design}; treatment share: {share:0.####}; block size: {blockSize}; seed: {seed}\n");
        text.Append(i, $"# police day starts at {policeDayStartHour:00}:00 local time\n");
        text.Append(i, $"# dose targets: {targets.MinutesPerVisit:0.##} minutes per visit, {targets.VisitsPerDay} visits per day, cap {targets.DailyCapMinutes:0.##} minutes\n");
        text.Append("police_day,spot,arm\n");
        foreach (var p in placeDays.OrderBy(p => p.PoliceDay).ThenBy(p => p.SpotCode, StringComparer.Ordinal))
            text.Append(i, $"{p.PoliceDay:yyyy-MM-dd},{p.SpotCode},{(p.Arm == TrialArm.Treatment ? "treatment" : "control")}\n");
        return text.ToString();
    }

    public static string Sha256(string csv) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));
}

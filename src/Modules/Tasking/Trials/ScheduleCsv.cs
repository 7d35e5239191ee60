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
        DoseTargets targets, IEnumerable<TrialPlaceDay> placeDays, AnalysisPlan? plan = null)
    {
        var text = new StringBuilder();
        var i = CultureInfo.InvariantCulture;
        text.Append("# HotSpots trial schedule\n");
        text.Append(i, $"# trial: {name.Replace('\n', ' ')}\n");
        text.Append(i, $"# design: {design}; treatment share: {share:0.####}; block size: {blockSize}; seed: {seed}\n");
        text.Append(i, $"# police day starts at {policeDayStartHour:00}:00 local time\n");
        text.Append(i, $"# dose targets: {targets.MinutesPerVisit:0.##} minutes per visit, {targets.VisitsPerDay} visits per day, cap {targets.DailyCapMinutes:0.##} minutes\n");
        if (plan is not null)
            foreach (var line in PlanLines(plan)) text.Append(line).Append('\n');
        text.Append("police_day,spot,arm\n");
        foreach (var p in placeDays.OrderBy(p => p.PoliceDay).ThenBy(p => p.SpotCode, StringComparer.Ordinal))
            text.Append(i, $"{p.PoliceDay:yyyy-MM-dd},{p.SpotCode},{(p.Arm == TrialArm.Treatment ? "treatment" : "control")}\n");
        return text.ToString();
    }

    /// <summary>The plan as the canonical lines the hash covers (a draft without a plan has none).</summary>
    public static IReadOnlyList<string> PlanLines(AnalysisPlan plan)
    {
        var i = CultureInfo.InvariantCulture;
        var outcome = plan.Outcome == PlannedOutcome.Harm ? "harm (CCHI days)" : "crimes (each counts one)";
        var test = plan.Test switch { PlannedTest.Randomisation => "randomisation inference over the trial's own design", _ => plan.Test.ToString() };
        var model = plan.Model switch
        {
            PlannedModel.NegativeBinomial => "negative binomial",
            PlannedModel.PoissonClusterRobust => "Poisson with errors clustered by spot",
            _ => plan.Model.ToString(),
        };
        var sides = plan.Sides == PlannedSides.TwoSided ? "two-sided" : "one-sided (reduction)";
        return
        [
            $"# plan: primary outcome: {outcome} of {string.Join("; ", plan.CrimeTypes)}",
            string.Create(i, $"# plan: analysis: {test}; effect size: {model}; {sides}; alpha {plan.Alpha:0.####}"),
            string.Create(i, $"# plan: displacement buffer: {plan.DisplacementBufferMetres:0.##} m; minimum dose for per-protocol: {plan.MinimumDoseMinutes:0.##} minutes a day"),
        ];
    }

    public static string Sha256(string csv) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));
}

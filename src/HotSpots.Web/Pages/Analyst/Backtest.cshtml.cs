using System.Globalization;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using HotSpots.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Analyst;

/// <summary>Backtests on the crimes held: asked for here, run by a background job, shown as a table and a chart of PAI by coverage.</summary>
[Authorize(Policy = Policies.Analyse)]
public sealed class BacktestModel(IBacktestRuns runs, ForceOptions force) : PageModel, IShowsValidationErrors
{
    public BacktestRunView? Run { get; private set; }
    public IReadOnlyList<BacktestRunView> Recent { get; private set; } = [];
    public string? ChartSvg { get; private set; }

    [BindProperty] public BacktestTarget Target { get; set; } = BacktestTarget.Violence;
    [BindProperty] public int TrainMonths { get; set; } = 12;
    [BindProperty] public string Coverages { get; set; } = "0.5, 1, 2, 5, 10";
    [BindProperty] public bool Ablation { get; set; }

    public string? Error { get; private set; }

    public bool Running => Run is { Status: BacktestRunStatus.Queued or BacktestRunStatus.Running };

    public string Local(DateTime utc) => force.UtcToLocal(utc).ToString("d MMM yyyy HH:mm");

    public async Task<IActionResult> OnGetAsync(long? runId, CancellationToken cancellationToken)
    {
        Recent = await runs.ListAsync(10, cancellationToken);
        if (runId is null) return Page();
        Run = await runs.GetAsync(runId.Value, cancellationToken);
        if (Run is null) return NotFound();
        if (Run.Report is { } report) ChartSvg = runs.PaiChartSvg(report);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var coverages = Coverages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => double.TryParse(c.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new ValidationException($"Coverage \"{c}\" is not a number."))
            .ToList();
        var id = await runs.QueueAsync(new BacktestRequest(null, TrainMonths: TrainMonths, CoveragePercents: coverages, Target: Target, Ablation: Ablation),
            User.SignInName(), cancellationToken);
        return RedirectToPage(new { runId = id });
    }

    public async Task<IActionResult> ShowValidationErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        Recent = await runs.ListAsync(10, cancellationToken);
        return Page();
    }

    public string Describe(BacktestRunView run) =>
        $"{run.Request.Target.ToString().ToLowerInvariant()}, {run.Request.TrainMonths} training months, coverage {string.Join(", ", run.Request.Coverages.Select(c => c.ToString("0.###", CultureInfo.InvariantCulture)))} %";

    public static string ChartDescription(BacktestReport report)
    {
        var ours = report.Results.Where(r => !r.Baseline).GroupBy(r => r.Method).Last();
        return $"PAI by coverage over {report.Windows} test months" +
            (report.WindowsWithGap > 0 ? $", {report.WindowsWithGap} of them with a training month missing. " : ". ") + string.Join("; ", report.Results.GroupBy(r => r.Method).Select(g =>
            $"{g.Key}: " + string.Join(", ", g.Select(r => $"{r.Pai.ToString("0.0", CultureInfo.InvariantCulture)} at {r.Coverage.ToString("0.###", CultureInfo.InvariantCulture)} %"))))
            + $". Best possible: {string.Join(", ", report.BestPossible.Select(b => b.Pai.ToString("0.0", CultureInfo.InvariantCulture)))}. Ours is {ours.Key}.";
    }
}

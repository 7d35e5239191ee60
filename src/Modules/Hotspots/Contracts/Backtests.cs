using HotSpots.Modules.Ingestion.Contracts;

namespace HotSpots.Modules.Hotspots.Contracts;

/// <summary>What a backtest scores: which crimes of the test month count, and how much each counts.</summary>
public enum BacktestTarget
{
    /// <summary>Violence and sexual offences, each counting one.</summary>
    Violence,

    /// <summary>Every crime, each counting one.</summary>
    All,

    /// <summary>Every crime, each counting its harm (CCHI days).</summary>
    Harm,
}

/// <summary>
/// A rolling-window backtest: train on months t−k … t−1, score month t, for every t the data allows.
/// </summary>
/// <param name="DataPath">Crime files (a file, a folder, .gz) read without storing them; null uses the crimes held.</param>
/// <param name="CoveragePercents">Shares of the study area to select, in percent.</param>
/// <param name="Ablation">Also run the blend with each of its parts left out, to show what each part gains.</param>
public sealed record BacktestRequest(
    string? DataPath,
    CrimeFileFormat Format = CrimeFileFormat.Auto,
    int TrainMonths = 12,
    IReadOnlyList<double>? CoveragePercents = null,
    BacktestTarget Target = BacktestTarget.Violence,
    double CellSizeMetres = 150,
    bool Ablation = false)
{
    public static readonly IReadOnlyList<double> DefaultCoverages = [0.5, 1, 2, 5, 10];

    public IReadOnlyList<double> Coverages => CoveragePercents ?? DefaultCoverages;
}

/// <summary>Where a running backtest is.</summary>
public sealed record BacktestProgress(string Stage, int Done, int Total);

/// <summary>The outcome of a backtest: one result per method and coverage, means over the test windows.</summary>
/// <param name="WalkForward">True: the blend's weights for month t were fitted only on months before t.</param>
/// <param name="StudyCells">Cells with any crime of any type in the first training window.</param>
/// <param name="PointsOutsideBox">Points outside the 0.1 %–99.9 % quantile box of x and of y, left out.</param>
/// <param name="TestCrimes">Target crimes in all test months (the hit rate's denominator, summed).</param>
/// <param name="Weights">The blend's weights for the last test month: what predicts the target, per month of each feature.</param>
/// <param name="ReadSeconds">Of <see cref="Seconds"/>, the time spent reading and binning the crimes.</param>
/// <param name="BlendFittedMonths">Test months for which the fitted blend won its walk-forward check (the others used plain counts).</param>
/// <param name="WindowsWithGap">Of <see cref="Windows"/>, the test months with a training month missing (scored on the months held, scaled).</param>
/// <param name="MissingMonths">Months (yyyy-MM) inside the data without any crime: missing data, neither zero crime nor scored.</param>
/// <param name="WindowsNotScored">Months with crimes after the first training window that were not scored: fewer than 3 in 4 of their training months held crimes.</param>
public sealed record BacktestReport(
    int Windows,
    double Seconds,
    double ReadSeconds,
    bool WalkForward,
    BacktestTarget Target,
    int TrainMonths,
    double CellSizeMetres,
    int StudyCells,
    long PointsRead,
    long PointsOutsideBox,
    double TestCrimes,
    string FirstTestMonth,
    string LastTestMonth,
    IReadOnlyList<BacktestResult> Results,
    IReadOnlyList<BacktestBest> BestPossible,
    IReadOnlyList<BlendWeight> Weights,
    int BlendFittedMonths,
    int WindowsWithGap = 0,
    IReadOnlyList<string>? MissingMonths = null,
    int WindowsNotScored = 0);

/// <summary>
/// One method at one coverage, over all test windows: mean hit rate (share of the test crimes inside the selected
/// cells), PAI (hit rate / share of the study area selected) with its 10th and 90th percentiles, PEI (hit rate /
/// the best possible hit rate at that coverage). For the blend, the selected cells as patrollable spots.
/// </summary>
public sealed record BacktestResult(
    string Method, bool Baseline, double Coverage, double HitRate, double Pai, double Pai10, double Pai90, double Pei,
    double? Spots = null, double? MeanSpotAreaSquareMetres = null);

/// <summary>The best possible at one coverage: the cells with the most test crimes, knowing the test month.</summary>
public sealed record BacktestBest(double Coverage, double HitRate, double Pai);

/// <summary>One weight of the blend: how much a crime in that feature adds to next month's expected target.</summary>
public sealed record BlendWeight(string Feature, double Weight);

/// <summary>Backtests asked for in the web app: queued, run by a background job, kept with their report.</summary>
public interface IBacktestRuns
{
    /// <summary>Queues a backtest on the crimes held (the request's DataPath is ignored); returns its id.</summary>
    Task<long> QueueAsync(BacktestRequest request, string requestedBy, CancellationToken cancellationToken);

    Task<BacktestRunView?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The latest runs, newest first.</summary>
    Task<IReadOnlyList<BacktestRunView>> ListAsync(int count, CancellationToken cancellationToken);

    /// <summary>PAI by coverage for each method and the best possible, as an SVG chart.</summary>
    string PaiChartSvg(BacktestReport report);
}

public enum BacktestRunStatus
{
    Queued,
    Running,
    Finished,
    Failed,
}

/// <summary>A backtest run with its progress and, once finished, its report (or why it failed).</summary>
public sealed record BacktestRunView(
    long Id, BacktestRunStatus Status, string Stage, int Done, int Total, string RequestedBy, DateTime RequestedUtc, DateTime? FinishedUtc,
    BacktestRequest Request, BacktestReport? Report, string? Error);

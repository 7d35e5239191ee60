namespace HotSpots.Modules.Tasking.Contracts;

/// <summary>
/// Randomised trials (Evaluator and Admin): an experiment freezes the spots of the published set, generates its
/// whole schedule from a recorded seed, and once sealed cannot be changed. Every action is audited.
/// </summary>
public interface ITrials
{
    /// <summary>Creates a draft trial on the published set's spots and generates its full schedule.</summary>
    Task<TrialView> CreateAsync(TrialRequest request, string createdBy, CancellationToken cancellationToken);

    /// <summary>Generates the draft's schedule again with another seed (refused once sealed).</summary>
    Task<TrialView> RegenerateAsync(long trialId, long? seed, string changedBy, CancellationToken cancellationToken);

    /// <summary>
    /// States the draft's analysis plan (the pre-registration): it is written into the schedule's canonical CSV, so the
    /// SHA-256 covers it. Refused (and audited) once sealed, or when the plan is not valid (the reason names the field).
    /// </summary>
    Task<TrialView> SetPlanAsync(long trialId, AnalysisPlan plan, string changedBy, CancellationToken cancellationToken);

    /// <summary>
    /// The plan of a sealed trial, read-only, with whether the stored record still matches its SHA-256 (the hash of the
    /// canonical CSV, which holds the plan's lines exactly as written at sealing). Null for a draft or an unknown trial.
    /// An analysis that differs from this plan is exploratory.
    /// </summary>
    Task<SealedPlan?> GetSealedPlanAsync(long trialId, CancellationToken cancellationToken);

    /// <summary>Seals the schedule and its analysis plan (refused without a plan): from now on any change is refused and logged.</summary>
    Task<TrialView> SealAsync(long trialId, string sealedBy, CancellationToken cancellationToken);

    /// <summary>Deletes a draft (refused once sealed).</summary>
    Task DeleteAsync(long trialId, string deletedBy, CancellationToken cancellationToken);

    Task<IReadOnlyList<TrialView>> ListAsync(CancellationToken cancellationToken);

    Task<TrialView?> GetAsync(long trialId, CancellationToken cancellationToken);

    /// <summary>The schedule as the canonical CSV whose SHA-256 is the trial's hash (spots by pseudonymous code). Audited.</summary>
    Task<string> ExportScheduleAsync(long trialId, string exportedBy, CancellationToken cancellationToken);

    /// <summary>Every place-day of the trial with its arm, for outcome exports and analysis.</summary>
    Task<IReadOnlyList<TrialPlaceDay>> PlaceDaysAsync(long trialId, CancellationToken cancellationToken);
}

public enum TrialDesign
{
    /// <summary>Each police day, a share of the spots is drawn for treatment (Southend, Thames Valley).</summary>
    DailyPlaceDays,

    /// <summary>One draw for the whole trial (Minneapolis).</summary>
    FixedArms,

    /// <summary>Spots ranked by harm, grouped in blocks (pairs by default), randomised within each block (Sacramento).</summary>
    RankedBlocks,
}

public enum TrialArm
{
    Treatment,
    Control,
}

/// <param name="Plan">The analysis plan, if stated at creation; it can be stated or changed until the trial is sealed.</param>
public sealed record TrialRequest(
    string Name, TrialDesign Design, double TreatmentShare, DateOnly FirstDay, int Days, int BlockSize, long? Seed, DoseTargets? Targets,
    AnalysisPlan? Plan = null);

/// <summary>What the primary outcome counts.</summary>
public enum PlannedOutcome
{
    /// <summary>Crimes of the stated types, each counting one.</summary>
    Crimes,

    /// <summary>Harm of crimes of the stated types: each counts its Cambridge Crime Harm Index days.</summary>
    Harm,
}

/// <summary>The primary test.</summary>
public enum PlannedTest
{
    /// <summary>Randomisation inference: the observed effect against many schedules drawn with the trial's own generator and design.</summary>
    Randomisation,
}

/// <summary>The model for the effect size and its interval.</summary>
public enum PlannedModel
{
    /// <summary>Negative binomial regression of place-day counts on the arm (overdispersion).</summary>
    NegativeBinomial,

    /// <summary>Poisson regression with standard errors clustered by spot.</summary>
    PoissonClusterRobust,
}

public enum PlannedSides
{
    /// <summary>Either direction counts as an effect.</summary>
    TwoSided,

    /// <summary>Only a reduction in the treatment arm counts.</summary>
    OneSidedReduction,
}

/// <summary>
/// A trial's pre-registered analysis plan: the primary outcome (crimes or harm of the stated crime types), the analysis
/// (test, model, sides, alpha), the displacement buffer and the minimum dose for per-protocol. Sealed with the schedule.
/// </summary>
public sealed record AnalysisPlan(
    PlannedOutcome Outcome,
    IReadOnlyList<string> CrimeTypes,
    PlannedTest Test,
    PlannedModel Model,
    PlannedSides Sides,
    double Alpha,
    double DisplacementBufferMetres,
    double MinimumDoseMinutes)
{
    public const int MaxCrimeTypes = 30;

    /// <summary>The first problem with the plan, naming the field, or null when it is valid.</summary>
    public string? Problem() =>
        CrimeTypes is null || CrimeTypes.Count == 0 ? "Primary outcome: name at least one crime type." :
        CrimeTypes.Count > MaxCrimeTypes ? $"Primary outcome: at most {MaxCrimeTypes} crime types." :
        CrimeTypes.FirstOrDefault(t => string.IsNullOrWhiteSpace(t) || t.Length > 100 || t.Any(c => char.IsControl(c) || c == ';')) is { } bad
            ? $"Primary outcome: the crime type '{bad}' is not a name (1 to 100 characters, no semicolon)." :
        CrimeTypes.Distinct(StringComparer.OrdinalIgnoreCase).Count() != CrimeTypes.Count ? "Primary outcome: a crime type is named twice." :
        !Enum.IsDefined(Outcome) ? "Primary outcome: choose crimes or harm." :
        !Enum.IsDefined(Test) ? "Test: choose a test." :
        !Enum.IsDefined(Model) ? "Model: choose a model." :
        !Enum.IsDefined(Sides) ? "Sides: choose one- or two-sided." :
        !(Alpha > 0 && Alpha <= 0.2) ? "Alpha must be above 0 and at most 0.2 (e.g. 0.05)." :
        !(DisplacementBufferMetres >= 10 && DisplacementBufferMetres <= 2000) ? "The displacement buffer must be between 10 and 2,000 metres." :
        !(MinimumDoseMinutes >= 1 && MinimumDoseMinutes <= 600) ? "The minimum dose must be between 1 and 600 minutes a day." :
        null;
}

/// <summary>A sealed trial's plan, with the hash it is sealed under and whether the stored record still matches it.</summary>
public sealed record SealedPlan(AnalysisPlan Plan, string Sha256, DateTime SealedUtc, bool Verified);

public sealed record TrialView(
    long Id, string Name, TrialDesign Design, double TreatmentShare, DateOnly FirstDay, DateOnly LastDay, int BlockSize, long Seed,
    long SetId, IReadOnlyList<TrialSpot> Spots, string Sha256, DoseTargets Targets, string CreatedBy, DateTime CreatedUtc,
    DateTime? SealedUtc, string? SealedBy, AnalysisPlan? Plan = null)
{
    public bool Sealed => SealedUtc is not null;

    public bool Covers(DateOnly policeDay) => policeDay >= FirstDay && policeDay <= LastDay;
}

/// <summary>A spot frozen into a trial, with its pseudonymous code (S01 …) used in every export.</summary>
public sealed record TrialSpot(string Code, long HotspotId, int Rank, string Name, double Harm);

public sealed record TrialPlaceDay(string SpotCode, long HotspotId, DateOnly PoliceDay, TrialArm Arm);

/// <summary>The trial cannot be changed (it is sealed) or the request is not valid; the attempt is audited.</summary>
public sealed class TrialRefusedException(string message) : InvalidOperationException(message);

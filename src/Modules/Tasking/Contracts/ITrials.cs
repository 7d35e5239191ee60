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

    /// <summary>Seals the schedule: from now on any change is refused and logged.</summary>
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

public sealed record TrialRequest(
    string Name, TrialDesign Design, double TreatmentShare, DateOnly FirstDay, int Days, int BlockSize, long? Seed, DoseTargets? Targets);

public sealed record TrialView(
    long Id, string Name, TrialDesign Design, double TreatmentShare, DateOnly FirstDay, DateOnly LastDay, int BlockSize, long Seed,
    long SetId, IReadOnlyList<TrialSpot> Spots, string Sha256, DoseTargets Targets, string CreatedBy, DateTime CreatedUtc,
    DateTime? SealedUtc, string? SealedBy)
{
    public bool Sealed => SealedUtc is not null;

    public bool Covers(DateOnly policeDay) => policeDay >= FirstDay && policeDay <= LastDay;
}

/// <summary>A spot frozen into a trial, with its pseudonymous code (S01 …) used in every export.</summary>
public sealed record TrialSpot(string Code, long HotspotId, int Rank, string Name, double Harm);

public sealed record TrialPlaceDay(string SpotCode, long HotspotId, DateOnly PoliceDay, TrialArm Arm);

/// <summary>The trial cannot be changed (it is sealed) or the request is not valid; the attempt is audited.</summary>
public sealed class TrialRefusedException(string message) : InvalidOperationException(message);

using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using HotSpots.Modules.Hotspots.Contracts;
using HotSpots.Modules.Tasking.Board;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Modules.Tasking.Data;
using HotSpots.Platform;
using HotSpots.Platform.Audit;
using HotSpots.Platform.Revisions;
using Microsoft.EntityFrameworkCore;

namespace HotSpots.Modules.Tasking.Trials;

/// <summary>Creates, seals and exports trials. Once sealed, every attempt to change a trial is refused and audited.</summary>
internal sealed class TrialBook(
    TaskingDbContext db, IHotspotSnapshot published, IAuditLog audit, ForceOptions force, TimeProvider clock)
    : ITrials
{
    public async Task<TrialView> CreateAsync(TrialRequest request, string createdBy, CancellationToken cancellationToken)
    {
        var targets = request.Targets ?? DoseTargets.Default;
        var problem = Problem(request, targets) ?? request.Plan?.Problem();
        if (problem is not null) await RefuseAsync(createdBy, "trial (new)", problem, cancellationToken);
        var current = await published.CurrentAsync(cancellationToken);
        if (current.Set is null || current.Spots.Count < 2)
            await RefuseAsync(createdBy, "trial (new)", "A trial needs a published hot spot set with at least two spots.", cancellationToken);

        var width = Math.Max(2, current.Spots.Count.ToString().Length);
        var trial = new Trial
        {
            Name = request.Name.Trim(), Design = request.Design, TreatmentShare = request.TreatmentShare, FirstDay = request.FirstDay,
            Days = request.Days, BlockSize = request.Design == TrialDesign.RankedBlocks ? request.BlockSize : 0,
            Seed = request.Seed ?? NewSeed(), SetId = current.Set!.Id, MinutesPerVisit = targets.MinutesPerVisit,
            VisitsPerDay = targets.VisitsPerDay, DailyCapMinutes = targets.DailyCapMinutes, ScheduleCsv = "", Sha256 = "",
            PlanJson = request.Plan is { } plan ? WritePlan(plan) : null,
            CreatedBy = createdBy, CreatedUtc = clock.GetUtcNow().UtcDateTime,
            Spots = current.Spots.Select((s, i) => new TrialSpotRow
            {
                Code = $"S{(i + 1).ToString().PadLeft(width, '0')}", HotspotId = s.Id, Rank = s.Rank, Name = s.Name, Harm = s.Harm,
            }).ToList(),
        };
        db.Trials.Add(trial);
        await db.SaveChangesAsync(cancellationToken);
        await ScheduleAsync(trial, cancellationToken);
        await audit.RecordAsync(new AuditEntry(createdBy, "trial.create", Subject(trial),
            Details: $"design {trial.Design}, share {trial.TreatmentShare}, {trial.Spots.Count} spots, {trial.Days} days from {trial.FirstDay:yyyy-MM-dd}, seed {trial.Seed}, sha256 {trial.Sha256}"), cancellationToken);
        return View(trial);
    }

    public async Task<TrialView> RegenerateAsync(long trialId, long? seed, string changedBy, CancellationToken cancellationToken)
    {
        var trial = await LoadAsync(trialId, changedBy, cancellationToken);
        if (trial.SealedUtc is not null)
            await RefuseAsync(changedBy, Subject(trial), "The schedule is sealed: it cannot be generated again.", cancellationToken);
        var previous = trial.Sha256;
        trial.Seed = seed ?? NewSeed();
        await db.TrialPlaceDays.Where(p => p.TrialId == trial.Id).ExecuteDeleteAsync(cancellationToken);
        await ScheduleAsync(trial, cancellationToken);
        await audit.RecordAsync(new AuditEntry(changedBy, "trial.regenerate", Subject(trial),
            Details: $"seed {trial.Seed}, sha256 {previous} -> {trial.Sha256}"), cancellationToken);
        return View(trial);
    }

    public async Task<TrialView> SetPlanAsync(long trialId, AnalysisPlan plan, string changedBy, CancellationToken cancellationToken)
    {
        var trial = await LoadAsync(trialId, changedBy, cancellationToken);
        if (trial.SealedUtc is not null)
            await RefuseAsync(changedBy, Subject(trial),
                $"The analysis plan was sealed with the schedule on {trial.SealedUtc:d MMM yyyy} (SHA-256 {trial.Sha256}): it cannot change. An analysis that differs from it is exploratory.",
                cancellationToken);
        if (plan.Problem() is { } problem) await RefuseAsync(changedBy, Subject(trial), problem, cancellationToken);
        var previous = trial.Sha256;
        trial.PlanJson = WritePlan(plan);
        var placeDays = await PlaceDaysAsync(trial.Id, cancellationToken);
        trial.ScheduleCsv = ScheduleCsv.Write(trial.Name, trial.Design, trial.TreatmentShare, trial.BlockSize, trial.Seed, force.PoliceDayStartHour,
            Targets(trial), placeDays, plan);
        trial.Sha256 = ScheduleCsv.Sha256(trial.ScheduleCsv);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(changedBy, "trial.plan", Subject(trial),
            Details: $"{string.Join(" | ", ScheduleCsv.PlanLines(plan).Select(l => l["# plan: ".Length..]))}; sha256 {previous} -> {trial.Sha256}"), cancellationToken);
        return View(trial);
    }

    public async Task<SealedPlan?> GetSealedPlanAsync(long trialId, CancellationToken cancellationToken)
    {
        var trial = await db.Trials.AsNoTracking().SingleOrDefaultAsync(t => t.Id == trialId, cancellationToken);
        if (trial is not { SealedUtc: { } sealedUtc, PlanJson: { } json }) return null;
        var plan = ReadPlan(json);
        return new SealedPlan(plan, trial.Sha256, sealedUtc, Verified(trial, plan));
    }

    /// <summary>The stored CSV hashes to the sealed SHA-256 and holds the plan's lines exactly as the stored plan gives them.</summary>
    private static bool Verified(Trial trial, AnalysisPlan plan) =>
        ScheduleCsv.Sha256(trial.ScheduleCsv) == trial.Sha256
        && trial.ScheduleCsv.Split('\n').Where(l => l.StartsWith("# plan: ", StringComparison.Ordinal)).SequenceEqual(ScheduleCsv.PlanLines(plan));

    public async Task<TrialView> SealAsync(long trialId, string sealedBy, CancellationToken cancellationToken)
    {
        var trial = await LoadAsync(trialId, sealedBy, cancellationToken);
        if (trial.SealedUtc is not null)
            await RefuseAsync(sealedBy, Subject(trial), "The schedule is already sealed.", cancellationToken);
        if (trial.PlanJson is null)
            await RefuseAsync(sealedBy, Subject(trial),
                "State the analysis plan before sealing: the primary outcome, the analysis, the displacement buffer and the minimum dose.", cancellationToken);
        var today = Today();
        if (trial.FirstDay < today)
            await RefuseAsync(sealedBy, Subject(trial), $"The trial starts on {trial.FirstDay:d MMM yyyy}, which has begun or passed: a schedule is sealed before the start. Create a new trial.", cancellationToken);
        var last = trial.FirstDay.AddDays(trial.Days - 1);
        var overlapping = await db.Trials.AsNoTracking()
            .Where(t => t.Id != trial.Id && t.SealedUtc != null && t.FirstDay <= last)
            .ToListAsync(cancellationToken);
        if (overlapping.FirstOrDefault(t => t.FirstDay.AddDays(t.Days - 1) >= trial.FirstDay) is { } other)
            await RefuseAsync(sealedBy, Subject(trial), $"Sealed trial '{other.Name}' runs on some of the same days.", cancellationToken);
        if (!Verified(trial, ReadPlan(trial.PlanJson!)))
            await RefuseAsync(sealedBy, Subject(trial), "The stored schedule and plan no longer match their hash.", cancellationToken);
        trial.SealedUtc = clock.GetUtcNow().UtcDateTime;
        trial.SealedBy = sealedBy;
        // Every node's board reads this revision at its next use: from the moment the seal returns, no node offers a
        // control spot of the trial.
        await db.SaveChangesAndRaiseAsync(TaskingRevisions.Trials, cancellationToken);
        await audit.RecordAsync(new AuditEntry(sealedBy, "trial.seal", Subject(trial), Details: $"sha256 {trial.Sha256}"), cancellationToken);
        return View(trial);
    }

    public async Task DeleteAsync(long trialId, string deletedBy, CancellationToken cancellationToken)
    {
        var trial = await LoadAsync(trialId, deletedBy, cancellationToken);
        if (trial.SealedUtc is not null)
            await RefuseAsync(deletedBy, Subject(trial), "The schedule is sealed: the trial cannot be deleted.", cancellationToken);
        db.Trials.Remove(trial);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(deletedBy, "trial.delete", Subject(trial), Details: $"sha256 {trial.Sha256}"), cancellationToken);
    }

    public async Task<IReadOnlyList<TrialView>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Trials.AsNoTracking().Include(t => t.Spots).OrderByDescending(t => t.Id).ToListAsync(cancellationToken)).Select(View).ToList();

    public async Task<TrialView?> GetAsync(long trialId, CancellationToken cancellationToken) =>
        await db.Trials.AsNoTracking().Include(t => t.Spots).SingleOrDefaultAsync(t => t.Id == trialId, cancellationToken) is { } trial
            ? View(trial) : null;

    public async Task<string> ExportScheduleAsync(long trialId, string exportedBy, CancellationToken cancellationToken)
    {
        var trial = await LoadAsync(trialId, exportedBy, cancellationToken);
        if (ScheduleCsv.Sha256(trial.ScheduleCsv) != trial.Sha256)
            await RefuseAsync(exportedBy, Subject(trial), "The stored schedule no longer matches its hash: it has been altered outside the app.", cancellationToken);
        await audit.RecordAsync(new AuditEntry(exportedBy, "trial.export", Subject(trial), Details: $"schedule, sha256 {trial.Sha256}"), cancellationToken);
        return trial.ScheduleCsv;
    }

    public async Task<IReadOnlyList<TrialPlaceDay>> PlaceDaysAsync(long trialId, CancellationToken cancellationToken)
    {
        var codes = await db.TrialSpots.AsNoTracking().Where(s => s.TrialId == trialId).ToDictionaryAsync(s => s.HotspotId, s => s.Code, cancellationToken);
        var rows = await db.TrialPlaceDays.AsNoTracking().Where(p => p.TrialId == trialId).ToListAsync(cancellationToken);
        return rows.Select(p => new TrialPlaceDay(codes[p.HotspotId], p.HotspotId, p.PoliceDay, p.Arm))
            .OrderBy(p => p.PoliceDay).ThenBy(p => p.SpotCode, StringComparer.Ordinal).ToList();
    }

    private async Task ScheduleAsync(Trial trial, CancellationToken cancellationToken)
    {
        var spots = trial.Spots.Select(s => new DrawSpot(s.Code, s.HotspotId, s.Rank, s.Harm)).ToList();
        var placeDays = ScheduleGenerator.Generate(spots, trial.Design, trial.TreatmentShare, trial.FirstDay, trial.Days, Math.Max(2, trial.BlockSize), trial.Seed);
        trial.ScheduleCsv = ScheduleCsv.Write(trial.Name, trial.Design, trial.TreatmentShare, trial.BlockSize, trial.Seed, force.PoliceDayStartHour,
            Targets(trial), placeDays, trial.PlanJson is { } plan ? ReadPlan(plan) : null);
        trial.Sha256 = ScheduleCsv.Sha256(trial.ScheduleCsv);
        db.TrialPlaceDays.AddRange(placeDays.Select(p => new TrialPlaceDayRow { TrialId = trial.Id, PoliceDay = p.PoliceDay, HotspotId = p.HotspotId, Arm = p.Arm }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Trial> LoadAsync(long trialId, string actor, CancellationToken cancellationToken) =>
        await db.Trials.Include(t => t.Spots).SingleOrDefaultAsync(t => t.Id == trialId, cancellationToken)
        ?? throw new KeyNotFoundException($"There is no trial {trialId}.");

    /// <summary>Records the refused attempt, then refuses.</summary>
    private async Task RefuseAsync(string actor, string subject, string reason, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(new AuditEntry(actor, "trial.refused", subject, Details: reason), cancellationToken);
        throw new TrialRefusedException(reason);
    }

    private string? Problem(TrialRequest request, DoseTargets targets) =>
        string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100 ? "Give the trial a name of at most 100 characters." :
        request.TreatmentShare is <= 0 or >= 1 ? "The treatment share must be between 0 and 1 (e.g. 0.5)." :
        request.Days is < 1 or > 730 ? "A trial runs from 1 to 730 police days." :
        request.Design == TrialDesign.RankedBlocks && request.BlockSize is < 2 or > 20 ? "Blocks hold 2 to 20 spots (2 for pairs)." :
        request.FirstDay < Today() ? "The first day has already begun: the schedule must be made before the start." :
        targets.Problem();

    private DateOnly Today() => force.PoliceDay(clock.GetUtcNow().UtcDateTime);

    private static long NewSeed() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue;

    private static readonly JsonSerializerOptions PlanJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static string WritePlan(AnalysisPlan plan) => JsonSerializer.Serialize(plan with { CrimeTypes = plan.CrimeTypes.Select(t => t.Trim()).ToList() }, PlanJson);

    private static AnalysisPlan ReadPlan(string json) => JsonSerializer.Deserialize<AnalysisPlan>(json, PlanJson)!;

    private static string Subject(Trial trial) => $"trial {trial.Id} ({trial.Name})";

    private static DoseTargets Targets(Trial t) => new(t.MinutesPerVisit, t.VisitsPerDay, t.DailyCapMinutes);

    private static TrialView View(Trial t) => new(
        t.Id, t.Name, t.Design, t.TreatmentShare, t.FirstDay, t.FirstDay.AddDays(t.Days - 1), t.BlockSize, t.Seed, t.SetId,
        t.Spots.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new TrialSpot(s.Code, s.HotspotId, s.Rank, s.Name, s.Harm)).ToList(),
        t.Sha256, Targets(t), t.CreatedBy, t.CreatedUtc, t.SealedUtc, t.SealedBy, t.PlanJson is { } plan ? ReadPlan(plan) : null);
}

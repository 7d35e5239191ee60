using HotSpots.Modules.Tasking.Contracts;

namespace HotSpots.Modules.Tasking.Data;

/// <summary>One "direct me": which spot an officer was sent to, from where, among which candidates and weights.</summary>
internal sealed class DirectionRecord
{
    public long Id { get; set; }
    public required string OfficerId { get; set; }
    public long HotspotId { get; set; }
    public long SetId { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>Where the phone was: personal data, forgotten (null) after the raw-position retention (<see cref="Contracts.IDirectionPositions"/>).</summary>
    public double? FromLatitude { get; set; }
    public double? FromLongitude { get; set; }
    public double DistanceMetres { get; set; }
    public bool Assigned { get; set; }

    /// <summary>"id:weight" of every candidate, so that any pick can be checked afterwards.</summary>
    public required string CandidateIds { get; set; }
}

/// <summary>A spot given to a team (a Workforce team id) for a shift of a police day by a supervisor.</summary>
internal sealed class Assignment
{
    public long Id { get; set; }
    public long HotspotId { get; set; }
    public required string HotspotName { get; set; }
    public long TeamId { get; set; }
    public DateOnly PoliceDay { get; set; }
    public required string Shift { get; set; }
    public required string AssignedBy { get; set; }
    public DateTime AssignedUtc { get; set; }
}

internal sealed class Trial
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public TrialDesign Design { get; set; }
    public double TreatmentShare { get; set; }
    public DateOnly FirstDay { get; set; }
    public int Days { get; set; }
    public int BlockSize { get; set; }
    public long Seed { get; set; }
    public long SetId { get; set; }
    public double MinutesPerVisit { get; set; }
    public int VisitsPerDay { get; set; }
    public double DailyCapMinutes { get; set; }

    /// <summary>The canonical schedule; its SHA-256 is <see cref="Sha256"/>.</summary>
    public required string ScheduleCsv { get; set; }
    public required string Sha256 { get; set; }

    /// <summary>The analysis plan (JSON), also written into <see cref="ScheduleCsv"/>; null until stated.</summary>
    public string? PlanJson { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SealedUtc { get; set; }
    public string? SealedBy { get; set; }
    public List<TrialSpotRow> Spots { get; set; } = [];
}

internal sealed class TrialSpotRow
{
    public long Id { get; set; }
    public long TrialId { get; set; }
    public required string Code { get; set; }
    public long HotspotId { get; set; }
    public int Rank { get; set; }
    public required string Name { get; set; }
    public double Harm { get; set; }
}

internal sealed class TrialPlaceDayRow
{
    public long TrialId { get; set; }
    public DateOnly PoliceDay { get; set; }
    public long HotspotId { get; set; }
    public TrialArm Arm { get; set; }
}

using HotSpots.Modules.Tasking.Contracts;
using Microsoft.Extensions.Configuration;

namespace HotSpots.Modules.Tasking;

/// <summary>Settings section "Tasking".</summary>
internal sealed class TaskingSettings
{
    /// <summary>How many of the nearest offerable spots "Direct me" chooses among.</summary>
    public int Candidates { get; set; } = 3;

    /// <summary>Spots farther than this are not offered while a nearer one exists.</summary>
    public double MaxDistanceMetres { get; set; } = 5000;

    /// <summary>How long the in-memory board (spots, arms, doses, assignments) is used before it is rebuilt.</summary>
    public double BoardSeconds { get; set; } = 10;

    /// <summary>The force's default dose targets; Managers change them at run time (kept in the database).</summary>
    public DoseTargets Dose { get; set; } = DoseTargets.Default;

    public static TaskingSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection("Tasking").Get<TaskingSettings>() ?? new TaskingSettings();
        if (settings.Dose.Problem() is { } problem) throw new InvalidOperationException($"Setting Tasking:Dose: {problem}");
        if (configuration.GetSection("Tasking:Shifts").Exists())
            throw new InvalidOperationException("Setting Tasking:Shifts has moved: the shifts are the force's (set-up page, or Force:Shifts).");
        return settings;
    }
}

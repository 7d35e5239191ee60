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

    /// <summary>The shifts of a police day, local hours.</summary>
    public List<Shift> Shifts { get; set; } = [new("Early", 7, 15), new("Late", 15, 23), new("Night", 23, 7)];

    public static TaskingSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection("Tasking").Get<TaskingSettings>() ?? new TaskingSettings();
        if (settings.Dose.Problem() is { } problem) throw new InvalidOperationException($"Setting Tasking:Dose: {problem}");
        if (settings.Shifts.Count == 0 || settings.Shifts.Any(s => s.StartHour is < 0 or > 23 || s.EndHour is < 0 or > 24))
            throw new InvalidOperationException("Setting Tasking:Shifts needs at least one shift, with hours from 0 to 24.");
        return settings;
    }

    /// <summary>The shift that contains a local hour (shifts may run past midnight).</summary>
    public Shift ShiftAt(int localHour) =>
        Shifts.FirstOrDefault(s => s.StartHour <= s.EndHour ? localHour >= s.StartHour && localHour < s.EndHour : localHour >= s.StartHour || localHour < s.EndHour)
        ?? Shifts[0];
}

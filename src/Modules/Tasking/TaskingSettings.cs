using Microsoft.Extensions.Configuration;

namespace HotSpots.Modules.Tasking;

/// <summary>Settings section "Tasking".</summary>
internal sealed class TaskingSettings
{
    /// <summary>How many of the nearest spots "Direct me" chooses among.</summary>
    public int Candidates { get; set; } = 3;

    /// <summary>Spots farther than this are not offered while a nearer one exists.</summary>
    public double MaxDistanceMetres { get; set; } = 5000;

    public static TaskingSettings From(IConfiguration configuration) =>
        configuration.GetSection("Tasking").Get<TaskingSettings>() ?? new TaskingSettings();
}

using Microsoft.Extensions.Configuration;

namespace HotSpots.Modules.Patrols;

/// <summary>Settings section "Patrols".</summary>
internal sealed class PatrolSettings
{
    /// <summary>A ping this close to a spot's edge, outside it, still counts as inside (GPS error).</summary>
    public double EdgeBufferMetres { get; set; } = 10;

    /// <summary>Gaps between pings longer than this are not counted as time in the spot.</summary>
    public double MaxGapSeconds { get; set; } = 120;

    /// <summary>Pings stamped further ahead of the server's clock than this are rejected.</summary>
    public double MaxClockAheadSeconds { get; set; } = 300;

    public static PatrolSettings From(IConfiguration configuration) =>
        configuration.GetSection("Patrols").Get<PatrolSettings>() ?? new PatrolSettings();
}

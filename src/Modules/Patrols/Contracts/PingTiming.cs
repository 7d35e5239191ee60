namespace HotSpots.Modules.Patrols.Contracts;

/// <summary>
/// How often the phone sends its position during a patrol, as the patrol page tells it (settings "Patrols:PingSeconds",
/// "Patrols:FarPingSeconds", "Patrols:NearMetres"). Fixed for the life of the process.
/// </summary>
/// <param name="PingSeconds">Seconds between precise positions within <paramref name="NearMetres"/> of the spot.</param>
/// <param name="FarPingSeconds">Seconds between coarse positions further away (to save battery).</param>
/// <param name="NearMetres">Within this distance of the spot the phone measures precisely and often.</param>
public sealed record PingTiming(double PingSeconds, double FarPingSeconds, double NearMetres);

namespace HotSpots.Web.Hosting;

/// <summary>
/// How quickly Hangfire notices a node that died, and hands its work to another (docs/operations.md, "When a node
/// stops"). Each job server writes a heartbeat every <see cref="Heartbeat"/>; one silent for <see cref="ServerTimeout"/>
/// is dead: the other nodes remove it (checking as often as they beat), and the health check stops counting it. A job a
/// worker holds is kept from the others while its worker renews the hold (PostgreSQL's sliding invisibility, every fifth
/// of <see cref="Invisibility"/>); a job whose worker died is handed out again <see cref="Invisibility"/> after its last
/// renewal, and runs again from the start on another node.
/// </summary>
internal sealed record JobTimings(TimeSpan Poll, TimeSpan Heartbeat, TimeSpan ServerTimeout, TimeSpan Invisibility)
{
    public static JobTimings From(IConfiguration configuration)
    {
        var timings = new JobTimings(
            Seconds(configuration, "Jobs:PollSeconds", 5),
            Seconds(configuration, "Jobs:HeartbeatSeconds", 5),
            Seconds(configuration, "Jobs:ServerTimeoutSeconds", 20),
            Seconds(configuration, "Jobs:InvisibilitySeconds", 40));
        if (timings.ServerTimeout < 3 * timings.Heartbeat)
            throw new InvalidOperationException(
                $"Jobs:ServerTimeoutSeconds ({timings.ServerTimeout.TotalSeconds:0.#}) must be at least three times Jobs:HeartbeatSeconds " +
                $"({timings.Heartbeat.TotalSeconds:0.#}): a live node that missed one heartbeat would be taken for dead.");
        return timings;
    }

    private static TimeSpan Seconds(IConfiguration configuration, string key, double fallback)
    {
        var seconds = configuration.GetValue(key, fallback);
        if (!(seconds > 0)) throw new InvalidOperationException($"{key} must be a number of seconds above 0 (it is {configuration[key]}).");
        return TimeSpan.FromSeconds(seconds);
    }
}

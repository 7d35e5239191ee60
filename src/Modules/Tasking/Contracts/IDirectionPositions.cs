namespace HotSpots.Modules.Tasking.Contracts;

/// <summary>
/// Direct me records where the officer's phone was when asked (to check any pick afterwards). That position is personal
/// data outside any patrol: it is kept as long as the raw positions of patrols, and then forgotten. For the Patrols
/// module's retention job.
/// </summary>
public interface IDirectionPositions
{
    /// <summary>
    /// Forgets the phone positions of every direction given before <paramref name="cutoffUtc"/> (the spot, the time,
    /// the candidates and their weights stay); answers how many were forgotten now.
    /// </summary>
    Task<int> ForgetBeforeAsync(DateTime cutoffUtc, CancellationToken cancellationToken);
}

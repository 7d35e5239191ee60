namespace HotSpots.Modules.Workforce.Contracts;

/// <summary>
/// Whether a person has been through the short guide officers get on their first sign-in (what a hot spot is, why the
/// pick is random, the dose, how tracking works, what is kept). Kept with the account, so it holds on any device. For the
/// web host alone.
/// </summary>
public interface IFirstUse
{
    /// <summary>True once <see cref="MarkGuideSeenAsync"/> was called for the account.</summary>
    Task<bool> HasSeenGuideAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Notes that the account has been through the guide (or chose to skip it).</summary>
    Task MarkGuideSeenAsync(string userId, CancellationToken cancellationToken);
}
